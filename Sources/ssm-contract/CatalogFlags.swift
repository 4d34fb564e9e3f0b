import ArgumentParser
import ContractRunners

/// The flags that choose contracts and deviations (`verify` and `check`).
struct CatalogFlags: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The contract catalog folder (default: $SSM_CONTRACT_CATALOG, ./Contracts, the package's Contracts/, else the catalog built into the binary).",
            valueName: "DIR"
        )
    )
    var catalog: String?

    @Option(
        name: .long,
        help: ArgumentHelp("More contract files, or folders of them (repeatable).", valueName: "FILE|DIR")
    )
    var contracts: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run only contracts whose id matches (id or glob such as 'status.*'; repeatable).",
            valueName: "ID"
        )
    )
    var only: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Skip contracts whose id matches (id or glob; repeatable).", valueName: "ID")
    )
    var skip: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "More known-deviation files or folders (repeatable); the catalog's deviations/ is always read.",
            valueName: "FILE|DIR"
        )
    )
    var deviations: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the report as JSON to FILE (- for standard output; the text report then goes to standard error).",
            valueName: "FILE|-"
        )
    )
    var json: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Write the report as JUnit XML to FILE (- for standard output).", valueName: "FILE|-")
    )
    var junit: String?

    @Flag(
        name: .long,
        help: "List every contract that applies to none of the responses (default: one line counts them)."
    )
    var verbose = false

    /// Where the text report goes: standard error when a report file is standard output.
    var textGoesToStandardError: Bool { json == "-" || junit == "-" }

    var options: CatalogOptions {
        var options = CatalogOptions()
        options.catalog = catalog
        options.contracts = contracts
        options.only = only
        options.skip = skip
        options.deviations = deviations
        return options
    }
}
