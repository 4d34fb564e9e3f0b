import ArgumentParser
import ContractRunners

/// `ssm-contract verify`: checks every contract over cassettes.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every contract against cassettes.",
        discussion: """
            Reads cassettes (files, or folders searched for *.json; default Recordings), judges every response \
            against the contract catalog, applies the known deviations of each target (Contracts/deviations/), and \
            prints a report grouped by contract. Exit status: 0 everything held; 1 a contract was violated or a \
            deviation no longer holds or has expired; 2 bad usage or unreadable input.
            """
    )

    @Argument(help: ArgumentHelp("Cassette files or folders (default: Recordings).", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var flags: CatalogFlags

    @Flag(name: .long, help: "List the contracts instead of verifying.")
    var listContracts = false

    @Flag(name: .long, help: "With --list-contracts: print a Markdown table (the table in docs/verify-and-check.md).")
    var markdown = false

    func validate() throws {
        if markdown && !listContracts { throw ValidationError("--markdown only applies with --list-contracts") }
        if listContracts && !paths.isEmpty {
            throw ValidationError(
                "--list-contracts prints the catalog and reads no cassettes; give either cassettes or --list-contracts"
            )
        }
        if listContracts && (flags.json != nil || flags.junit != nil) {
            throw ValidationError("--list-contracts writes no report; drop --json and --junit")
        }
    }

    func run() async throws {
        var options = VerifyRunner.Options()
        options.paths = paths
        options.catalog = flags.options
        options.json = flags.json
        options.junit = flags.junit
        options.verbose = flags.verbose
        options.listContracts = listContracts
        options.markdown = markdown
        let outcome = try await VerifyRunner.run(options)
        Console.write(outcome.text, toStandardError: flags.textGoesToStandardError)
        try outcome.endCommand()
    }
}
