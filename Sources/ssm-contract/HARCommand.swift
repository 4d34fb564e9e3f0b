import ArgumentParser
import Cassettes
import ContractRunners
import Foundation

/// `ssm-contract har export|import`: cassettes to and from HAR 1.2.
struct HARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "har",
        abstract:
            "Convert cassettes to HAR 1.2 (DevTools, Postman, proxies) and HAR captures of SSM traffic to cassettes.",
        subcommands: [Export.self, Import.self]
    )

    // Every command names itself: ArgumentParser would derive the name from the type (String(describing:), a
    // search through the binary's protocol conformances on every start of every command).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a cassette as HAR 1.2 (standard output unless --output).",
            discussion:
                "Request with postData, response with content.text, timings from the recording. Exit status: 0 written; 2 bad input."
        )

        @Argument(help: ArgumentHelp("The cassette to export.", valueName: "CASSETTE"))
        var cassette: String

        @Option(help: ArgumentHelp("The HAR file to write (- or none: standard output).", valueName: "FILE"))
        var output: String?

        func run() async throws {
            let outcome = try await HARRunner.Export.run(HARRunner.Export.Options(cassette: cassette, output: output))
            if !outcome.text.isEmpty { FileHandle.standardOutput.write(Data(outcome.text.utf8)) }
            try outcome.endCommand()
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Build a cassette from the awsJson1_1 entries of a HAR capture.",
            discussion: """
                Other entries are skipped and counted. Recording's redaction applies (signatures, security tokens, \
                access keys, credential members). Exit status: 0 imported; 2 bad input (not HAR, no awsJson1_1 \
                entry, existing output without --force).
                """
        )

        @Argument(help: ArgumentHelp("The HAR file.", valueName: "FILE.har"))
        var file: String

        @Option(help: ArgumentHelp("The cassette to write.", valueName: "CASSETTE"))
        var output: String

        @Option(help: "Where the captured answers came from: live, mock:NAME@VERSION, aws-docs or synthetic.")
        var source: String

        @Flag(help: "Replace --output when it exists.")
        var force = false

        func run() async throws {
            var options = HARRunner.Import.Options(file: file, output: output, source: source)
            options.force = force
            let outcome = try await HARRunner.Import.run(options)
            FileHandle.standardOutput.write(Data(outcome.text.utf8))
            try outcome.endCommand()
        }
    }
}
