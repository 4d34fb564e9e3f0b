/// The catalog as a Markdown table (docs/verify-and-check.md's contracts table is generated from it).
public enum ContractTable {
    /// `| id | severity | applies to | statement | source |`, one row per contract.
    public static func markdown(_ catalog: ContractCatalog) -> String {
        var out = "| id | severity | applies to | statement | source |\n| --- | --- | --- | --- | --- |\n"
        for contract in catalog.contracts {
            var source = contract.source.citation
            if let quote = contract.source.quote { source = "“\(quote)” (\(source))" }
            if contract.docsDiffer != nil { source += " — *docs differ*" }
            let kind = { () -> String in
                if case .swift = contract.implementation { return " (Swift)" }
                return ""
            }()
            let cells = [
                "`\(contract.id)`", contract.severity.rawValue + kind,
                contract.operations.joined(separator: ", "), contract.statement, source,
            ]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// The catalog as plain text: one id, severity and statement per line.
    public static func plain(_ catalog: ContractCatalog) -> String {
        let width = catalog.contracts.map(\.id.count).max() ?? 0
        return catalog.contracts.map {
            "\($0.id.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \($0.statement)"
        }.joined(separator: "\n") + "\n"
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
