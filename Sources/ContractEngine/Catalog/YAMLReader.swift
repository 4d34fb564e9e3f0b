import Foundation
import RawJSON
import Yams

/// Reads typed values from a parsed YAML document and throws ``CatalogError`` naming the file and line.
struct YAMLReader {
    let file: String

    /// Parses a whole file.
    static func document(at url: URL) throws(CatalogError) -> (YAMLReader, Node) {
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
    /// Scalars are not resolved to YAML types while parsing (`Resolver.basic`: every scalar is a string);
    /// the reader reads each as what its field is (``int(_:_:)``, ``bool(_:)``, ``json(_:)``). Resolving
    /// them took regular-expression matches on every scalar and every key looked up, most of `check`'s start.
    static func document(text: String, file: String) throws(CatalogError) -> (YAMLReader, Node) {
        let reader = YAMLReader(file: file)
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw CatalogError(file: file, problem: "is empty; write a YAML mapping")
            }
            return (reader, node)
        } catch let error as CatalogError {
            throw error
        } catch let error as YamlError {
            throw CatalogError(file: file, problem: "is not valid YAML: \(Self.oneLine(error))")
        } catch {
            throw CatalogError(file: file, problem: "is not valid YAML: \(error)")
        }
    }

    static func oneLine(_ error: any Error) -> String {
        "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func fail(_ node: Node?, _ problem: String) -> CatalogError {
        CatalogError(file: file, line: node?.mark?.line, problem: problem)
    }

    func mapping(_ node: Node, _ what: String) throws(CatalogError) -> Node.Mapping {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping") }
        return mapping
    }

    func sequence(_ node: Node, _ what: String) throws(CatalogError) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        throw fail(node, "\(what) must be a list")
    }

    /// A list, or a single item treated as a one-item list.
    func items(_ node: Node) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        return [node]
    }

    func string(_ node: Node, _ what: String) throws(CatalogError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be a string") }
        return scalar.string
    }

    func requiredString(_ map: Node.Mapping, _ key: String, in what: String) throws(CatalogError) -> String {
        guard let node = map[key] else {
            throw fail(.mapping(map), "\(what) has no \"\(key)\"; add it")
        }
        let value = try string(node, "\(what).\(key)")
        guard !value.isEmpty else { throw fail(node, "\(what).\(key) is empty") }
        return value
    }

    func optionalString(_ map: Node.Mapping, _ key: String, in what: String) throws(CatalogError) -> String? {
        guard let node = map[key] else { return nil }
        return try string(node, "\(what).\(key)")
    }

    func strings(_ node: Node, _ what: String) throws(CatalogError) -> [String] {
        var result: [String] = []
        for item in items(node) { result.append(try string(item, what)) }
        return result
    }

    /// A YAML boolean: a plain scalar spelled as YAML 1.1 spells one (`true`, `False`, `yes`, `OFF`, ...);
    /// nil for anything else, quoted scalars included.
    func bool(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return Self.booleans[scalar.string]
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

    func int(_ node: Node, _ what: String) throws(CatalogError) -> Int {
        guard let value = node.int else { throw fail(node, "\(what) must be an integer") }
        return value
    }

    /// Rejects keys outside `allowed`, naming the first unknown one (catches typos such as `expects:`).
    func onlyKeys(_ map: Node.Mapping, _ allowed: Set<String>, in what: String) throws(CatalogError) {
        for (key, _) in map {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw fail(
                    key,
                    "\(what) has an unknown key \"\(name)\" (allowed: \(allowed.sorted().joined(separator: ", ")))"
                )
            }
        }
    }

    /// A YAML value as JSON: plain scalars become numbers, booleans or null when they read as such.
    func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            let text = scalar.string
            if text == "null" || text == "~" { return .null }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if Int(text) != nil || (Double(text) != nil && text.first.map { $0.isNumber || $0 == "-" } == true) {
                return .number(JSONNumber(literal: text))
            }
            return .string(text)
        case .mapping(let map):
            return .object(JSONObject(map.map { JSONMember(key: $0.key.string ?? "", value: json($0.value)) }))
        case .sequence(let sequence):
            return .array(sequence.map { json($0) })
        case .alias:
            return .null
        }
    }
}
