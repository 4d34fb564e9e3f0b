import ArgumentParser
import Cassettes
import ContractRunners
import Foundation

/// `ssm-contract record`: runs the scenario catalog against an endpoint and writes one cassette per scenario.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the scenarios of Contracts/scenarios.yaml into cassettes, one per scenario.",
        discussion: """
            Each scenario makes SSM produce one documented situation (in flight, truncated output, a failure, an \
            execution timeout, a cancel, pagination, error probes, ...) and writes what the scenario contracts \
            expect into its cassette's header. A line per step goes to standard error as it happens (--quiet: \
            failures only). Credentials, region and endpoint follow the AWS conventions (AWS_ACCESS_KEY_ID, \
            AWS_PROFILE, ~/.aws/config, AWS_ENDPOINT_URL_SSM, ...). Signatures, access keys and tokens are \
            redacted before anything is written. Exit status: 0 every scenario recorded; 2 bad usage or input \
            (cassettes already in --output without --force, an unwritable --output, --source live for an \
            endpoint that is not AWS); 3 missing credentials or region; 4 the endpoint cannot be reached (that \
            scenario's cassette is not written), or a scenario was inconclusive (the summary says why).
            Example: ssm-contract record --endpoint-url http://127.0.0.1:5000 --region us-east-1 \
            --source mock:moto@5.2.1 --output Recordings/mock-moto-5.2.1
            """
    )

    @OptionGroup var target: AWSTargetFlags

    @Option(help: "Where the responses come from: live or mock:NAME@VERSION (written into every cassette).")
    var source: String

    @Option(help: "The folder that receives one cassette per scenario.")
    var output: String

    @OptionGroup var scenario: ScenarioFlags

    @Option(
        help: ArgumentHelp(
            "The catalog folder holding scenarios.yaml (default: $SSM_CONTRACT_CATALOG, ./Contracts, or the package's Contracts/).",
            valueName: "DIR"
        )
    )
    var catalog: String?

    @Option(parsing: .unconditional, help: "How many scenarios run at once (1 or more).")
    var concurrency = 1

    @Flag(help: "Replace cassettes that already exist in --output (default: refuse before sending anything).")
    var force = false

    func validate() throws {
        switch CassetteSource(source) {
        case .live?, .mock?: break
        case .awsDocs?, .synthetic?:
            throw ValidationError(
                "--source \(source): a recording comes from live AWS or a mock server; use live or mock:NAME@VERSION"
            )
        case nil:
            throw ValidationError(
                "--source \(source) is not a source; use live or mock:NAME@VERSION (e.g. mock:moto@5.2.1)"
            )
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency \(concurrency): use 1 or more") }
    }

    func run() async throws {
        var options = RecordingOptions(
            outputDirectory: URL(fileURLWithPath: output),
            source: CassetteSource(source)!,
            environment: ProcessInfo.processInfo.environment,
            endpointURL: target.endpointURL,
            region: target.region,
            profile: target.profile,
            instanceIDs: scenario.instanceIDs.isEmpty ? RecordingOptions.defaultInstanceIDs : scenario.instanceIDs,
            scenarioNames: scenario.scenarios,
            pollDelay: scenario.pollDelay,
            catalogFolder: catalog,
            offlineInstanceID: scenario.offlineInstanceID,
            platform: scenario.platform,
            parameters: scenario.parameters,
            concurrency: concurrency,
            progress: scenario.progress
        )
        options.replacesExisting = force
        let outcome = try await RecordingRunner.run(options)
        Console.write(outcome.text)
        try outcome.endCommand()
    }
}
