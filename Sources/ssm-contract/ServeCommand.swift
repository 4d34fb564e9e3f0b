import ArgumentParser
import Cassettes
import ContractRunners
import Foundation

/// `ssm-contract serve`: serves cassettes over HTTP to any SDK (`--endpoint-url`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve recorded SSM responses over HTTP to any SDK (--endpoint-url).",
        discussion: """
            Matches each request like replay does (method, path, X-Amz-Target, JSON body; signatures ignored). \
            Polls get their recorded answers in order, then the last repeats (--exhaustion fail: a miss). A miss \
            answers 400 ReplayMiss naming the closest recorded request, and is logged to standard error. The first \
            line of output gives the URL. Faults (--fault throttle=P,500=P,503=P,reset=P,latency=MS[:P],truncate=P, \
            seeded by --fault-seed, limited by --fault-operation) and pacing (--pace recorded|xN) test how an SDK \
            copes; the summary counts the faults injected. Request bodies over --max-body-bytes get 413. Stop \
            with SIGINT or SIGTERM (within a second, whatever is in flight): prints a summary. Exit status: 0 no misses \
            and no refused requests (413, 400) (with --strict: and every interaction used); 1 otherwise; 2 bad input; 4 the address cannot be bound.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Cassette files or folders (every *.json inside; default: Recordings).",
            valueName: "CASSETTE|DIR"
        )
    )
    var paths: [String] = []

    @Option(help: "The address to bind (anything but loopback exposes the recordings).")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port, 0 to 65535 (0: any free port, printed on the first line).")
    var port = 0

    @Option(help: "After the last recorded answer of a poll: repeat-last or fail.")
    var exhaustion = "repeat-last"

    @Flag(
        name: .customLong("record-missing"),
        help: "Forward misses to --upstream and record them into the first cassette."
    )
    var recordMissing = false

    @Option(help: "The endpoint misses go to with --record-missing (e.g. a moto server).")
    var upstream: String?

    @Option(help: "With --record-missing, when the first cassette does not exist yet: live or mock:NAME@VERSION.")
    var source: String?

    @Option(help: "Write a JSON report to this file when the server stops.")
    var report: String?

    @Flag(help: "Exit 1 when recorded interactions were never used.")
    var strict = false

    @OptionGroup var serving: ServingFlags

    func validate() throws {
        guard ExhaustionPolicy(rawValue: exhaustion) != nil else {
            throw ValidationError("--exhaustion \(exhaustion): use repeat-last or fail")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): use 0 to 65535") }
        if recordMissing != (upstream != nil) {
            throw ValidationError(
                "--record-missing and --upstream URL go together: misses are recorded from the upstream"
            )
        }
        try serving.validate()
        if let source {
            guard recordMissing else { throw ValidationError("--source only applies with --record-missing") }
            switch CassetteSource(source) {
            case .live?, .mock?: break
            default: throw ValidationError("--source \(source): use live or mock:NAME@VERSION (e.g. mock:moto@5.2.1)")
            }
        }
    }

    func run() async throws {
        var options = ServeRunner.Options()
        options.paths = paths
        options.server.host = host
        options.server.port = port
        options.server.exhaustion = ExhaustionPolicy(rawValue: exhaustion)!
        options.server.upstream = upstream
        options.server.recordingSource = source.flatMap(CassetteSource.init)
        options.server.log = { line in Console.error("ssm-contract serve: \(line)") }
        options.report = report
        options.strict = strict
        options.server.maxBodyBytes = serving.maxBodyBytes
        options.server.faults = try serving.faultPlan()
        options.server.pace = try serving.replayPace()
        options.ready = { Console.write($0) }
        let signals = TerminationSignals()
        options.until = { _ = await signals.next() }
        let outcome = try await ServeRunner.run(options)
        Console.write(outcome.text)
        try outcome.endCommand()
    }
}
