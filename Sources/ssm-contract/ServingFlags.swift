import ArgumentParser
import ContractRunners

/// The flags `serve` and `proxy` share: faults, pacing and the request body limit.
struct ServingFlags: ParsableArguments {
    @Option(
        name: .customLong("fault"),
        help: ArgumentHelp(
            "Inject faults: throttle=P,500=P,503=P,reset=P,latency=MS[:P],truncate=P (P from 0 to 1; repeatable).",
            valueName: "KIND=P,…"
        )
    )
    var faults: [String] = []

    @Option(
        name: .customLong("fault-seed"),
        parsing: .unconditional,
        help: "The seed of the fault decisions, 0 to \(UInt64.max) (same seed, same faults).",
        transform: { text in
            guard let seed = UInt64(text) else {
                throw ValidationError("use a whole number from 0 to \(UInt64.max)")
            }
            return seed
        }
    )
    var faultSeed: UInt64 = 0

    @Option(
        name: .customLong("fault-operation"),
        help: "Inject faults only into this SSM operation (GetCommandInvocation, or get-command-invocation)."
    )
    var faultOperation: String?

    @Option(help: "Answer at once (none), after the recorded durations (recorded), or N times faster (xN).")
    var pace = "none"

    @Option(
        name: .customLong("max-body-bytes"),
        parsing: .unconditional,
        help: "The largest request body accepted; larger ones get 413."
    )
    var maxBodyBytes = ReplayServerOptions.defaultMaxBodyBytes

    func validate() throws {
        guard maxBodyBytes > 0 else {
            throw ValidationError("--max-body-bytes \(maxBodyBytes): give a size in bytes above 0")
        }
    }

    /// The parsed `--fault` plan (`nil` without `--fault`).
    /// - Throws: ``RunnerError`` (exit 2) with one line naming the bad item.
    func faultPlan() throws(RunnerError) -> FaultPlan? {
        guard !faults.isEmpty else {
            if faultOperation != nil {
                throw RunnerError("--fault-operation only applies with --fault", status: .badInput)
            }
            return nil
        }
        return try FaultPlan(specs: faults, seed: faultSeed, operation: faultOperation)
    }

    /// The parsed `--pace`.
    func replayPace() throws(RunnerError) -> ReplayPace { try ReplayPace(parsing: pace) }
}
