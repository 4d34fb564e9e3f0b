import ArgumentParser
import ContractRunners

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ssm-contract check`: judges one response body.
struct CheckCommand: MainThreadCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge one response body.",
        discussion: """
            Judges one response body (raw wire JSON, JSON printed by AWS CLI v1 or v2, an error body \
            {"__type": …}, or the CLI's "An error occurred (…)" line) against every contract of OPERATION, e.g.
              aws ssm get-command-invocation --command-id … --instance-id … | ssm-contract check get-command-invocation -
            Exit status: 0 everything held; 1 a contract was violated; 2 bad usage or unreadable input.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The AWS CLI operation name: get-command-invocation or list-command-invocations.",
            valueName: "OPERATION"
        )
    )
    var operation: String

    @Argument(help: ArgumentHelp("The response body file, or - for standard input.", valueName: "FILE|-"))
    var input: String = "-"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The request body (JSON), for contracts that need it (Details, MaxResults, echoed ids).",
            valueName: "FILE"
        )
    )
    var request: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Judge as observed on this target, so its known deviations apply (e.g. moto-5.2.1).",
            valueName: "NAME"
        )
    )
    var target: String?

    @OptionGroup var flags: CatalogFlags

    nonisolated(nonsending) func run() async throws {
        var options = CheckRunner.Options()
        options.operation = operation
        options.input = input
        options.request = request
        options.target = target
        options.catalog = flags.options
        options.json = flags.json
        options.junit = flags.junit
        options.verbose = flags.verbose
        if input == "-", isatty(STDIN_FILENO) == 1 {
            Console.error(CheckRunner.terminalNotice)
        }
        let outcome = try await CheckRunner.run(options)
        Console.write(outcome.text, toStandardError: flags.textGoesToStandardError)
        try outcome.endCommand()
    }
}
