import Foundation
import RawJSON
import YAMLTree

/// Reads contract files (`contracts:` lists in YAML) into ``Contract`` values, compiling data rules once.
enum CatalogLoader {
    static let contractKeys: Set<String> = [
        "id", "statement", "source", "severity", "applies-to", "fields", "rule", "implementation", "parameters",
        "docs-differ",
    ]
    static let caseKeys: Set<String> = [
        "when", "when-any", "outcome", "expect", "confirm", "inconclusive-if", "if-absent", "note",
    ]
    static let testKeys: [String] = [
        "one-of", "equals", "type", "format", "pattern", "max-length", "min-length", "suffix", "present",
        "equals-request", "not-before",
    ]
    static let predicateKeys: Set<String> = Set(testKeys + ["field", "request", "unit", "ignore-case", "or-empty"])

    /// Loads every contract of one file.
    static func load(_ url: URL) throws(CatalogError) -> [Contract] {
        try contracts(in: YAMLReader.document(at: url))
    }

    /// Loads every contract of `text`, the contents of `file`.
    static func load(text: String, file: String) throws(CatalogError) -> [Contract] {
        try contracts(in: YAMLReader.document(text: text, file: file))
    }

    static func contracts(in document: (YAMLReader, YAMLTree)) throws(CatalogError) -> [Contract] {
        let (reader, root) = document
        let map = try reader.mapping(root, "the file")
        // `defaults` and `scenarios` are the scenario catalog's (Contracts/scenarios.yaml), read by the runners.
        try reader.onlyKeys(map, ["contracts", "defaults", "scenarios"], in: "the file")
        guard let list = map["contracts"] else { throw reader.fail(root, "has no \"contracts:\" list") }
        var contracts: [Contract] = []
        for node in try reader.sequence(list, "contracts") {
            contracts.append(try contract(node, reader))
        }
        return contracts
    }

    static func contract(_ node: YAMLTree, _ reader: YAMLReader) throws(CatalogError) -> Contract {
        let map = try reader.mapping(node, "a contract")
        let id = try reader.requiredString(map, "id", in: "a contract")
        let what = "contract \(id)"
        try reader.onlyKeys(map, contractKeys, in: what)
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw reader.fail(map["id"], "\(what): ids use letters, digits, '.', '_' and '-' only")
        }
        let severityText = try reader.requiredString(map, "severity", in: what)
        guard let severity = Severity(rawValue: severityText) else {
            throw reader.fail(map["severity"], "\(what): severity \"\(severityText)\" is not error or warning")
        }
        let implementation: Contract.Implementation
        switch (map["rule"], try reader.optionalString(map, "implementation", in: what)) {
        case (let rule?, nil): implementation = .data(try dataRule(rule, reader, what))
        case (nil, "swift"?): implementation = .swift
        case (nil, let other?):
            throw reader.fail(map["implementation"], "\(what): implementation \"\(other)\" is not swift")
        case (_?, _?): throw reader.fail(node, "\(what) has both rule and implementation; keep one")
        case (nil, nil): throw reader.fail(node, "\(what) has neither a rule nor \"implementation: swift\"")
        }
        let contract = Contract(
            id: id,
            statement: try reader.requiredString(map, "statement", in: what),
            source: try source(map["source"], reader, what, at: node),
            severity: severity,
            appliesTo: try scopes(map["applies-to"], reader, what, at: node),
            fields: try map["fields"].map { (n) throws(CatalogError) in try reader.strings(n, "\(what).fields") } ?? [],
            implementation: implementation,
            docsDiffer: try reader.optionalString(map, "docs-differ", in: what),
            parameters: map["parameters"].map { reader.json($0) } ?? .null,
            file: reader.file
        )
        try checkAgainstModel(contract, map, reader)
        return contract
    }

    static func source(
        _ node: YAMLTree?,
        _ reader: YAMLReader,
        _ what: String,
        at parent: YAMLTree
    ) throws(CatalogError) -> ContractSource {
        guard let node else { throw reader.fail(parent, "\(what) has no source; name where the rule comes from") }
        let map = try reader.mapping(node, "\(what).source")
        try reader.onlyKeys(map, ["kind", "seed", "quote", "reference"], in: "\(what).source")
        let kindText = try reader.requiredString(map, "kind", in: "\(what).source")
        guard let kind = ContractSource.Kind(rawValue: kindText) else {
            throw reader.fail(node, "\(what).source.kind \"\(kindText)\" is not one of seed, model, agent, observed")
        }
        let source = ContractSource(
            kind: kind,
            seed: try reader.optionalString(map, "seed", in: "\(what).source"),
            quote: try reader.optionalString(map, "quote", in: "\(what).source"),
            reference: try reader.optionalString(map, "reference", in: "\(what).source")
        )
        if kind == .seed, source.seed == nil || source.quote == nil {
            throw reader.fail(
                node,
                "\(what).source: a seed source needs \"seed\" (the file) and \"quote\" (the exact sentence)"
            )
        }
        if kind != .seed, source.reference == nil {
            throw reader.fail(node, "\(what).source: name the \(kind.rawValue) reference (\"reference:\")")
        }
        return source
    }

    static func scopes(
        _ node: YAMLTree?,
        _ reader: YAMLReader,
        _ what: String,
        at parent: YAMLTree
    ) throws(CatalogError) -> [Scope] {
        guard let node else { throw reader.fail(parent, "\(what) has no applies-to list") }
        var result: [Scope] = []
        for item in reader.items(node) {
            let map = try reader.mapping(item, "\(what).applies-to entry")
            try reader.onlyKeys(map, ["operation", "at"], in: "\(what).applies-to entry")
            let operation = try reader.requiredString(map, "operation", in: "\(what).applies-to entry")
            let atText = try reader.optionalString(map, "at", in: "\(what).applies-to entry") ?? "$"
            guard let at = SubjectPath(atText) else {
                throw reader.fail(
                    item,
                    "\(what): \"\(atText)\" is not a subject path like $ or $.CommandInvocations[*]"
                )
            }
            result.append(Scope(operation: operation, at: at))
        }
        return result
    }
}
