import ArgumentParser
import ContractRunners
import Foundation

/// `ssm-contract live`: the scheduled check — record afresh, verify every contract, report drift since the baseline.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Run the scenarios on a test instance, verify every contract, and report drift since the baseline.",
        discussion: """
            Records the scenarios (\(RecordingScenario.all.map(\.name).joined(separator: ", "))) afresh into \
            --output (default .build/live/<UTC time>), sending `\(LiveOptions.defaultCommands.joined(separator: "; "))` \
            to the instances; checks every contract over them; then compares response shapes (members, JSON types, \
            timestamp forms, Status/StatusDetails values, error codes and messages, header names — never values) \
            with the baseline (default Recordings/live) and the SSM model with the venv's botocore. The baseline is \
            only replaced with --update-baseline, atomically. An endpoint that is not AWS needs \
            --source mock:NAME@VERSION, so a mock's answers are never labelled live. Exit status: 0 contracts hold \
            and no drift; 1 a contract failed; 2 bad usage; 3 configuration or credentials; 4 unreachable; 5 drift \
            only.
            """
    )

    @Option(name: .customLong("instance-id"), help: "A test instance the check runs its command on (repeat for several).")
    var instanceIDs: [String] = []

    @OptionGroup var target: AWSTargetFlags

    @Option(help: ArgumentHelp("Required when the endpoint is not AWS: what answers there, e.g. mock:moto@5.2.1.", valueName: "mock:NAME@VERSION"))
    var source: String?

    @Option(help: ArgumentHelp("The baseline recordings (default: Recordings/live; Recordings/mock-NAME-VERSION for a mock).", valueName: "DIR"))
    var baseline: String?

    @Option(help: ArgumentHelp("Where the fresh cassettes go (default: .build/live/<UTC time>); never the baseline.", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("scenario"), help: "Run only this scenario (repeat for several).")
    var scenarios: [String] = []

    @Option(name: .customLong("poll-delay"), parsing: .unconditional, help: "Seconds between GetCommandInvocation polls (0 or more).")
    var pollDelay: Double = 5

    @Flag(name: .customLong("update-baseline"), help: "Replace the baseline's cassettes with the fresh ones (atomically) and accept the drift.")
    var updateBaseline = false

    @OptionGroup var flags: CatalogFlags

    func validate() throws {
        guard !instanceIDs.isEmpty else { throw ValidationError("--instance-id is required: the test instance(s) the check runs its command on") }
        guard pollDelay >= 0 else { throw ValidationError("--poll-delay \(pollDelay): use 0 or more seconds") }
    }

    func run() async throws {
        var options = LiveOptions()
        options.instanceIDs = instanceIDs
        options.endpointURL = target.endpointURL
        options.region = target.region
        options.profile = target.profile
        options.source = source
        options.baseline = baseline
        options.output = output
        options.scenarioNames = scenarios
        options.pollDelay = pollDelay
        options.updateBaseline = updateBaseline
        options.catalog = flags.options
        options.json = flags.json
        options.junit = flags.junit
        let outcome = try await LiveRunner.run(options)
        Console.write(outcome.text)
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}
