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
            shape, and that no --generate-cli-skeleton run sends a request. \
            Exit status: 0 all checks held, 1 a check failed, 2 bad usage, 4 the CLI cannot be run.
            """
    )

    @Option(name: .customLong("aws"), help: "The AWS CLI to check (default: the venv's aws if present, else aws on PATH).")
    var aws: String?

    @Option(name: .customLong("json"), help: "Also write the report as JSON to this file.")
    var jsonReport: String?

    @Option(name: .customLong("junit"), help: "Also write the report as JUnit XML to this file.")
    var junitReport: String?

    @Argument(help: "Operations to check, by CLI name (default: every modelled operation).")
    var operations: [String] = []

    func run() async throws {
        let cli = try ExternalCLI(path: aws ?? ExternalCLI.defaultPath())
        let report = try await CheckCLIRunner.run(cli: cli, operations: operations)
        print(report.text, terminator: "")
        try CheckCLIRunner.write(report, json: jsonReport, junit: junitReport)
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
