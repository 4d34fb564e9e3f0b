import ContractEngine
import Foundation
import RawJSON

extension FuzzTarget {
    /// What `ssm-contract check OPERATION` does with its input: `ResponseDocument.observation` (raw wire JSON,
    /// AWS CLI output, error bodies and lines), then every contract of the operation and the report text. Bad
    /// input is an `InputError` with a message, never a crash. Byte 0 picks the operation.
    static let checkInput = FuzzTarget(name: "check-input") { bytes in
        guard let first = bytes.first else { return }
        let operation = CheckInputFixture.operations[Int(first) % CheckInputFixture.operations.count]
        let observation: Observation
        do throws(InputError) {
            observation = try ResponseDocument.observation(
                Array(bytes.dropFirst()),
                operation: operation,
                request: nil,
                file: "fuzz.json"
            )
        } catch {
            return require(!error.description.isEmpty, "an InputError without a message")
        }
        let engine = CheckInputFixture.engine
        var run = engine.makeAccumulator()
        run.addFile()
        engine.evaluate(observation, into: &run)
        let report = VerificationReport(engine.finish(run), deviations: DeviationSet(), today: "2026-12-01")
        // The report text for inputs that fail a contract (the findings are what check prints).
        if report.hasViolations { require(!report.text(title: "fuzz").isEmpty, "an empty report") }
    }
}

/// The built-in contract catalog (compiled into the binary, as `ssm-contract check` uses it without `--catalog`),
/// loaded once: the target does not depend on the working tree and needs no rebuild to match a changed checkout.
enum CheckInputFixture {
    static let engine: ContractEngine = {
        do {
            return ContractEngine(catalog: try BuiltInCatalog.load())
        } catch {
            fatalError("the built-in catalog does not load: \(error)")
        }
    }()

    static let operations: [String] = Array(Set(engine.catalog.contracts.flatMap(\.operations))).sorted()
}
