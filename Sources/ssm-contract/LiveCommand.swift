import ArgumentParser
import ContractRunners
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ssm-contract live`: the scheduled check — run the scenario catalog, verify every contract, report drift
/// since the baseline.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract:
            "Run the scenario catalog on test instances, verify every contract, and report drift since the baseline.",
        discussion: """
            Runs every scenario of Contracts/scenarios.yaml (or --scenario NAME…), several at once, into --output \
            (default .build/live/<UTC time>), printing a line per step on standard error as it happens (--quiet: \
            failures only); judges each scenario's cassette as it completes, then every contract over all of them; \
            then compares response shapes (members, JSON types, timestamp forms, Status/StatusDetails values, error \
            codes and messages, header names — never values) with the baseline (default Recordings/live) and the \
            SSM model with the venv's botocore. Everything is checked before the first request. Safety: a \
            wall-time cap and an API-call cap (printed at the start); on SIGINT/SIGTERM, a cap or an error the run \
            cancels the commands it sent that are still running, and never any other. Throttling and transport \
            failures make a scenario inconclusive, never a violation. The baseline is only replaced with \
            --update-baseline, atomically. An endpoint that is not AWS needs --source mock:NAME@VERSION. Exit \
            status: 0 contracts hold and no drift; 1 a contract failed; 2 bad usage; 3 configuration or \
            credentials; 4 unreachable, or a scenario inconclusive; 5 drift only; 130/143 interrupted.
            """
    )

    @OptionGroup var scenario: ScenarioFlags

    @OptionGroup var target: AWSTargetFlags

    @Option(
        help: ArgumentHelp(
            "Required when the endpoint is not AWS: what answers there, e.g. mock:moto@5.2.1.",
            valueName: "mock:NAME@VERSION"
        )
    )
    var source: String?

    @Option(
        help: ArgumentHelp(
            "The baseline recordings (default: Recordings/live; Recordings/mock-NAME-VERSION for a mock).",
            valueName: "DIR"
        )
    )
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Where the fresh cassettes go (default: .build/live/<UTC time>); never the baseline.",
            valueName: "DIR"
        )
    )
    var output: String?

    @Option(
        name: .customLong("max-wall-time"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Stop after this many seconds (default \(Int(LiveOptions.defaultMaxWallTime))); unfinished scenarios are inconclusive.",
            valueName: "SECONDS"
        )
    )
    var maxWallTime: Double = LiveOptions.defaultMaxWallTime

    @Option(
        name: .customLong("max-api-calls"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Send at most this many requests, retries included (default \(LiveOptions.defaultMaxAPICalls)); the run's own CancelCommand calls go beyond it.",
            valueName: "N"
        )
    )
    var maxAPICalls: Int = LiveOptions.defaultMaxAPICalls

    @Option(parsing: .unconditional, help: "How many scenarios run at once (1 or more).")
    var concurrency = 4

    @Flag(
        name: .customLong("update-baseline"),
        help: "Replace the baseline's cassettes with the fresh ones (atomically) and accept the drift."
    )
    var updateBaseline = false

    @OptionGroup var flags: CatalogFlags

    func validate() throws {
        guard !scenario.instanceIDs.isEmpty else {
            throw ValidationError("--instance-id is required: the test instance(s) the scenarios run their commands on")
        }
        guard maxWallTime > 0, maxWallTime.isFinite else {
            throw ValidationError("--max-wall-time \(maxWallTime): use a number of seconds above 0")
        }
        guard maxAPICalls > 0 else { throw ValidationError("--max-api-calls \(maxAPICalls): use 1 or more") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency \(concurrency): use 1 or more") }
    }

    func run() async throws {
        var options = LiveOptions()
        options.instanceIDs = scenario.instanceIDs
        options.offlineInstanceID = scenario.offlineInstanceID
        options.platform = scenario.platform
        options.parameters = scenario.parameters
        options.scenarioNames = scenario.scenarios
        options.pollDelay = scenario.pollDelay
        options.progress = scenario.progress
        options.endpointURL = target.endpointURL
        options.region = target.region
        options.profile = target.profile
        options.source = source
        options.baseline = baseline
        options.output = output
        options.maxWallTime = maxWallTime
        options.maxAPICalls = maxAPICalls
        options.concurrency = concurrency
        options.updateBaseline = updateBaseline
        options.catalog = flags.options
        options.json = flags.json
        options.junit = flags.junit
        let configured = options
        let task = Task { try await LiveRunner.run(configured) }
        let received = SignalLatch()
        let signals = TerminationSignals()
        let watcher = Task {
            guard let number = await signals.next() else { return }
            received.set(number)
            Console.error(
                "ssm-contract live: \(number == SIGINT ? "SIGINT" : "SIGTERM") — stopping and cancelling the commands this run started"
            )
            task.cancel()
        }
        defer { watcher.cancel() }
        let result = await task.result
        if let number = received.value {
            if case .success(let outcome) = result { Console.write(outcome.text) }
            throw ExitCode(128 + number)
        }
        let outcome = try result.get()
        Console.write(outcome.text)
        try outcome.endCommand()
    }
}

/// The signal that stopped the run, set from the signal handler's queue.
final class SignalLatch: @unchecked Sendable {
    // @unchecked: `number` is only touched while holding `lock`.
    private let lock = NSLock()
    private var number: Int32?

    func set(_ value: Int32) { lock.withLock { if number == nil { number = value } } }
    var value: Int32? { lock.withLock { number } }
}
