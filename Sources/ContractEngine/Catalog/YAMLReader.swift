import Foundation
import RawJSON
import YAMLTree

/// Reads typed values from a parsed YAML document and throws ``CatalogError`` naming the file and line.
struct YAMLReader {
    let file: String

    /// Parses a whole file.
    static func document(at url: URL) throws(CatalogError) -> (YAMLReader, YAMLTree) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogError(
                file: url.relativePath,
                problem: "cannot be read as UTF-8 text; check the path and permissions"
            )
        }
        return try document(text: text, file: url.relativePath)
    }

    /// Parses `text`, the contents of `file` (the path as the user gave it, or the built-in catalog's path).
    ///
    /// A text that is exactly one of the built-in catalog's files (the built-in catalog itself, or an unchanged
    /// `Contracts/` folder) is read from the document the build parsed from that same text
    /// (``BuiltInCatalog/parsedDocument(ofText:)``): the same text gives the same document, without parsing YAML
    /// at start. Any other text is parsed now. Scalars are not resolved to YAML types while parsing (every scalar
    /// is text, marked plain or quoted); the reader reads each as what its field is (``int(_:_:)``, ``bool(_:)``,
    /// ``json(_:)``).
    static func document(text: String, file: String) throws(CatalogError) -> (YAMLReader, YAMLTree) {
        let reader = YAMLReader(file: file)
        if let parsed = BuiltInCatalog.parsedDocument(ofText: text) { return (reader, parsed) }
        let document: YAMLTree?
        do {
            document = try YAMLTree.parse(text)
        } catch {
            throw CatalogError(file: file, problem: "is not valid YAML: \(Self.oneLine(error))")
        }
        guard let document else { throw CatalogError(file: file, problem: "is empty; write a YAML mapping") }
        return (reader, document)
    }

    static func oneLine(_ error: any Error) -> String {
        "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func fail(_ node: YAMLTree?, _ problem: String) -> CatalogError {
        CatalogError(file: file, line: node?.line, problem: problem)
    }

    /// `node`, which must be a mapping (look values up with its subscript).
    func mapping(_ node: YAMLTree, _ what: String) throws(CatalogError) -> YAMLTree {
        guard node.mapping != nil else { throw fail(node, "\(what) must be a mapping") }
        return node
    }

    func sequence(_ node: YAMLTree, _ what: String) throws(CatalogError) -> [YAMLTree] {
        if let sequence = node.sequence { return sequence }
        throw fail(node, "\(what) must be a list")
    }

    /// A list, or a single item treated as a one-item list.
    func items(_ node: YAMLTree) -> [YAMLTree] {
        node.sequence ?? [node]
    }

    func string(_ node: YAMLTree, _ what: String) throws(CatalogError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be a string") }
        return scalar
    }

    func requiredString(_ map: YAMLTree, _ key: String, in what: String) throws(CatalogError) -> String {
        guard let node = map[key] else {
            throw fail(map, "\(what) has no \"\(key)\"; add it")
        }
        let value = try string(node, "\(what).\(key)")
        guard !value.isEmpty else { throw fail(node, "\(what).\(key) is empty") }
        return value
    }

    func optionalString(_ map: YAMLTree, _ key: String, in what: String) throws(CatalogError) -> String? {
        guard let node = map[key] else { return nil }
        return try string(node, "\(what).\(key)")
    }

    func strings(_ node: YAMLTree, _ what: String) throws(CatalogError) -> [String] {
        var result: [String] = []
        for item in items(node) { result.append(try string(item, what)) }
        return result
    }

    /// A YAML boolean: a plain scalar spelled as YAML 1.1 spells one (`true`, `False`, `yes`, `OFF`, ...);
    /// nil for anything else, quoted scalars included.
    func bool(_ node: YAMLTree) -> Bool? {
        guard node.isPlainScalar, let text = node.scalar else { return nil }
        return Self.booleans[text]
    }

    /// The spellings of YAML 1.1 booleans.
    static let booleans: [String: Bool] = {
        var spellings: [String: Bool] = [:]
        for (word, value) in [
            ("true", true), ("yes", true), ("on", true), ("false", false), ("no", false), ("off", false),
        ] {
            for spelling in [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()] {
                spellings[spelling] = value
            }
        }
        return spellings
    }()

    func int(_ node: YAMLTree, _ what: String) throws(CatalogError) -> Int {
        guard let value = node.int else { throw fail(node, "\(what) must be an integer") }
        return value
    }

    /// Rejects keys outside `allowed`, naming the first unknown one (catches typos such as `expects:`).
    func onlyKeys(_ map: YAMLTree, _ allowed: Set<String>, in what: String) throws(CatalogError) {
        for pair in map.mapping ?? [] {
            let name = pair.key.scalar ?? ""
            guard allowed.contains(name) else {
                throw fail(
                    pair.key,
                    "\(what) has an unknown key \"\(name)\" (allowed: \(allowed.sorted().joined(separator: ", ")))"
                )
            }
        }
    }

    /// A YAML value as JSON: plain scalars become numbers, booleans or null when they read as such.
    func json(_ node: YAMLTree) -> JSONValue {
        switch node.value {
        case .scalar(let text, let isPlain):
            if !isPlain { return .string(text) }
            if text == "null" || text == "~" { return .null }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if Int(text) != nil || (Double(text) != nil && text.first.map { $0.isNumber || $0 == "-" } == true) {
                return .number(JSONNumber(literal: text))
            }
            return .string(text)
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { JSONMember(key: $0.key.scalar ?? "", value: json($0.value)) }))
        case .sequence(let items):
            return .array(items.map { json($0) })
        }
    }
}
