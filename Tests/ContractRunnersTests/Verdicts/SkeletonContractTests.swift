import ContractEngine
import Foundation
import RawJSON
import SSMOperations
import TestSupport
import Testing

@testable import ContractRunners

/// The tool's own `skeleton OPERATION output` is a response its own contracts accept.
@Suite struct SkeletonContractTests {
    @Test func everyOutputSkeletonPassesTheContractsOfItsOperation() async throws {
        let model = SSMShapeModel.bundled
        let catalog = try ContractCatalog.load(folder: PackageRoot.path("Contracts"), additional: [])
        let engine = ContractEngine(catalog: catalog)
        var run = engine.makeAccumulator()
        run.addFile()
        for operation in model.operations {
            let text = try SkeletonRunner.render(operation: operation.cliName, kind: .output, model: model)
            // The request of a first page: the sample input without a NextToken.
            var request = try SkeletonRunner.sampleInput(for: operation, in: model).objectValue ?? JSONObject()
            request["NextToken"] = nil
            let observation = try ResponseDocument.observation(
                Array(text.utf8),
                operation: operation.name,
                request: .object(request),
                file: "skeleton \(operation.cliName) output"
            )
            engine.evaluate(observation, into: &run)
        }
        let report = VerificationReport(engine.finish(run), deviations: DeviationSet(), today: "2026-01-01")
        let failing = report.rows.filter { row in row.targets.contains { $0.tally.fail > 0 } }
        #expect(
            failing.isEmpty,
            "\(failing.map { "\($0.contract.id): \($0.targets.flatMap(\.findings).map(\.detail))" })"
        )
        // The skeletons were judged, not skipped: the command-invocation contracts applied.
        #expect(report.count(.pass) >= 10)
    }
}
