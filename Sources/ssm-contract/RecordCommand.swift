import ArgumentParser
import Cassettes
import ContractRunners
import Foundation

/// `ssm-contract record`: runs the scripted SSM scenarios against an endpoint and writes one cassette each.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record scripted SSM sessions into cassettes, one per scenario.",
        discussion: """
            Scenarios: \(RecordingScenario.all.map(\.name).joined(separator: ", ")). Credentials, region and \
            endpoint follow the AWS conventions (AWS_ACCESS_KEY_ID, AWS_PROFILE, ~/.aws/config, \
            AWS_ENDPOINT_URL_SSM, ...). Signatures, access keys and tokens are redacted before anything is written.
            Example: ssm-contract record --endpoint-url http://127.0.0.1:5000 --region us-east-1 \
            --source mock:moto@5.2.1 --output Recordings/mock-moto-5.2.1
            """
    )

    @OptionGroup var target: AWSTargetFlags

    @Option(help: "Where the responses come from: live or mock:NAME@VERSION (written into every cassette).")
    var source: String

    @Option(help: "The folder that receives one cassette per scenario.")
    var output: String

    @Option(name: .customLong("instance-id"), help: "A managed node to send commands to (repeat for several).")
    var instanceIDs: [String] = []

    @Option(name: .customLong("scenario"), help: "Record only this scenario (repeat for several).")
    var scenarios: [String] = []

    @Option(name: .customLong("poll-delay"), parsing: .unconditional, help: "Seconds between GetCommandInvocation polls (0 or more).")
    var pollDelay: Double = 5

    @Flag(help: "Replace cassettes that already exist in --output (default: refuse before sending anything).")
    var force = false

    func validate() throws {
        switch CassetteSource(source) {
        case .live?, .mock?: break
        case .awsDocs?, .synthetic?:
            throw ValidationError("--source \(source): a recording comes from live AWS or a mock server; use live or mock:NAME@VERSION")
        case nil:
            throw ValidationError("--source \(source) is not a source; use live or mock:NAME@VERSION (e.g. mock:moto@5.2.1)")
        }
        guard pollDelay >= 0 else { throw ValidationError("--poll-delay \(pollDelay): use 0 or more seconds") }
    }

    func run() async throws {
        var options = RecordingOptions(
            outputDirectory: URL(fileURLWithPath: output), source: CassetteSource(source)!,
            environment: ProcessInfo.processInfo.environment, endpointURL: target.endpointURL, region: target.region, profile: target.profile,
            instanceIDs: instanceIDs.isEmpty ? RecordingOptions.defaultInstanceIDs : instanceIDs,
            scenarioNames: scenarios, pollDelay: pollDelay)
        options.replacesExisting = force
        let runs = try await RecordingRunner.recordThroughCurl(options)
        Console.write(RecordingRunner.summary(runs, options: options) + "\n")
    }
}
