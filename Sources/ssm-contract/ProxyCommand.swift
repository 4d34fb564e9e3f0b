import ArgumentParser
import ContractRunners
import Foundation

/// `ssm-contract proxy`: a re-signing, recording proxy between an SDK and AWS (or a mock).
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Record an SDK's SSM traffic: forward it re-signed to AWS (or a mock) and record it.",
        discussion: """
            Point an SDK at the URL on the first output line with --endpoint-url. Each request loses the SDK's \
            signature and security token, is signed for the upstream with the credentials this command resolves \
            (environment, --profile, config files), is sent once (the SDK retries, not the proxy) and recorded \
            with the usual redaction into --record (written atomically when the proxy stops). The SDK gets the \
            upstream's answer byte for byte. --replay answers from cassettes first. An AWS upstream records as \
            live; any other needs --source mock:NAME@VERSION. Faults and pacing as in serve. Stop with SIGINT or \
            SIGTERM: the cassette is written and a summary printed. Exit status: 0 every request answered; 1 the \
            upstream failed some, or some were refused (413, 400); 2 bad input; 3 no credentials or region; 4 the address cannot be bound.
            """
    )

    @Option(help: "Where requests go: https://ssm.REGION.amazonaws.com, or a mock's URL.")
    var upstream: String

    @Option(help: ArgumentHelp("The cassette to record into (must not exist yet).", valueName: "PATH"))
    var record: String

    @Option(help: ArgumentHelp("Cassette files or folders that answer first (repeatable).", valueName: "PATH"))
    var replay: [String] = []

    @Option(help: "Where the answers come from: live for AWS (the default there), mock:NAME@VERSION otherwise.")
    var source: String?

    @Option(help: "The signing region (default: from an AWS upstream's host, else the AWS configuration).")
    var region: String?

    @Option(help: "The AWS profile whose credentials sign.")
    var profile: String?

    @Option(help: "The address to bind (anything but loopback lets others use your credentials).")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port, 0 to 65535 (0: any free port, printed on the first line).")
    var port = 0

    @Option(help: "Write a JSON report to this file when the proxy stops.")
    var report: String?

    @OptionGroup var serving: ServingFlags

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): use 0 to 65535") }
        try serving.validate()
    }

    func run() async throws {
        var options = ProxyRunner.Options()
        options.upstream = upstream
        options.record = record
        options.replay = replay
        options.source = source
        options.region = region
        options.profile = profile
        options.report = report
        options.server.host = host
        options.server.port = port
        options.server.maxBodyBytes = serving.maxBodyBytes
        options.server.faults = try serving.faultPlan()
        options.server.pace = try serving.replayPace()
        options.server.log = { line in FileHandle.standardError.write(Data("ssm-contract proxy: \(line)\n".utf8)) }
        options.ready = { FileHandle.standardOutput.write(Data($0.utf8)) }
        let signals = TerminationSignals()
        options.until = { _ = await signals.next() }
        let outcome = try await ProxyRunner.run(options)
        FileHandle.standardOutput.write(Data(outcome.text.utf8))
        try outcome.endCommand()
    }
}
