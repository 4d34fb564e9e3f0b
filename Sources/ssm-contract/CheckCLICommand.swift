import ArgumentParser
import ContractRunners
import Foundation

struct CheckCLICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-cli",
        abstract: "Run the skeleton contracts against an external AWS CLI.",
        discussion: """
            Points the CLI at a local endpoint that counts every request, and checks per operation: the input \
            skeleton's members and placeholders, that it is accepted back by --cli-input-json, that a filled input \
            is sent as one request, that --generate-cli-skeleton output returns a sample satisfying the output \
            shape, and that no --generate-cli-skeleton run sends a request. Each result is printed as soon as it \
            is known. A CLI run that takes longer than --timeout is killed with every process it started. \
            Exit status: 0 all checks held, 1 a check failed, 2 bad usage, 4 the CLI cannot be run or did not \
            answer in time.
            """
    )

    @Option(
        name: .customLong("aws"),
        help: "The AWS CLI to check (default: the venv's aws if present, else aws on PATH)."
    )
    var aws: String?

    @Option(
        name: .customLong("json"),
        help: ArgumentHelp("Also write the report as JSON to this file (- for standard output).", valueName: "FILE|-")
    )
    var jsonReport: String?

    @Option(
        name: .customLong("junit"),
        help: ArgumentHelp(
            "Also write the report as JUnit XML to this file (- for standard output).",
            valueName: "FILE|-"
        )
    )
    var junitReport: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seconds each CLI run may take before it is killed (more than 0).", valueName: "S")
    )
    var timeout: Double = ExternalCLI.defaultTimeout

    @Flag(help: "Print only the checks that fail and the summary.")
    var quiet = false

    @Argument(help: "Operations to check, by CLI name (default: every modelled operation).")
    var operations: [String] = []

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout \(timeout): use a number of seconds more than 0")
        }
    }

    func run() async throws {
        var options = CheckCLIRunner.Options()
        options.aws = aws
        options.timeout = timeout
        options.operations = operations
        options.json = jsonReport
        options.junit = junitReport
        let lines = ProgressLines(toStandardError: jsonReport == "-" || junitReport == "-", quiet: quiet)
        options.progress = { lines.show($0) }
        let outcome = try await CheckCLIRunner.run(options)
        lines.write(outcome.text)
        try outcome.endCommand()
    }
}

/// check-cli's lines as each result is known, on standard output (standard error when a report is `-`).
final class ProgressLines: @unchecked Sendable {  // the printer's state is guarded by `lock`
    private let lock = NSLock()
    private var printer: CheckCLIReport.LinePrinter
    private let toStandardError: Bool
    private let quiet: Bool

    init(toStandardError: Bool, quiet: Bool) {
        self.quiet = quiet
        printer = CheckCLIReport.LinePrinter(quiet: quiet)
        self.toStandardError = toStandardError
    }

    func show(_ progress: CheckCLIRunner.Progress) {
        lock.withLock {
            switch progress {
            case .started(let cli, let version):
                if !quiet { write(CheckCLIReport.headerLine(cli: cli, version: version) + "\n") }
            case .result(let result): for line in printer.lines(for: result) { write(line + "\n") }
            }
        }
    }

    func write(_ text: String) { Console.write(text, toStandardError: toStandardError) }
}
