import ContractEngine
import Foundation
import RawJSON
import SSMOperations
import TestSupport
import Testing

@testable import ContractRunners

/// The tool's own `skeleton OPERATION output` is a response its own contracts accept: no FAIL, no WARN and no
/// INCONCLUSIVE for any operation's skeleton, judged on its own.
@Suite struct SkeletonContractTests {
    @Test func everyOutputSkeletonPassesTheContractsOfItsOperation() async throws {
        let model = SSMShapeModel.bundled
        let catalog = try ContractCatalog.load(folder: PackageRoot.path("Contracts"), additional: [])
        let engine = ContractEngine(catalog: catalog)
        var passes = 0
        for operation in model.operations {
            var run = engine.makeAccumulator()
            run.addFile()
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
            let report = VerificationReport(engine.finish(run), deviations: DeviationSet(), today: "2026-01-01")
            let notHeld = report.rows.filter { [.fail, .warning, .inconclusive].contains($0.verdict) }
            #expect(
                notHeld.isEmpty,
                "skeleton \(operation.cliName) output: \(notHeld.map { "\($0.verdict) \($0.contract.id): \($0.targets.flatMap(\.findings).map(\.detail))" })"
            )
            passes += report.count(.pass)
        }
        // The skeletons were judged, not skipped: the command-invocation contracts applied.
        #expect(passes >= 10)
    }
}
