import ArgumentParser
import ContractRunners

/// `ssm-contract audit`: finds secrets in cassettes and reports before they are shared.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Scan cassettes and reports for credentials, signatures, session tokens and account ids.",
        discussion: """
            Reads files, or folders searched for *.json, *.har and *.xml, and looks in every value — as written, \
            percent-encoded, base64 or JSON-escaped — for AWS access key ids, secret access keys, SigV4 signatures, \
            session tokens, and account ids (not in cassettes whose header says account ids are pseudonyms). \
            Each finding names the file, the interaction and the field; the value itself is never printed whole. \
            Exit status: 0 nothing found; 1 something found; 2 a path cannot be read or is not valid JSON.
            """
    )

    @Argument(help: ArgumentHelp("Cassette or report files, or folders of them.", valueName: "PATH"))
    var paths: [String] = []

    func run() async throws {
        let outcome = try await AuditRunner.run(AuditRunner.Options(paths: paths))
        Console.write(outcome.text)
        try outcome.endCommand()
    }
}
