import Yams

extension YAMLTree {
    /// Why a text is not a YAML document, as Yams says it (possibly on several lines).
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `text` (nil when it holds no document). Scalars are not resolved to YAML types (every scalar is
    /// text, marked plain or not); anchors and aliases are resolved; a mapping with a key twice is an error.
    public static func parse(_ text: String) throws(SyntaxError) -> YAMLTree? {
        do {
            return try Yams.compose(yaml: text, .basic).map(YAMLTree.init(node:))
        } catch {
            throw SyntaxError(description: "\(error)")
        }
    }

    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            self.init(.scalar(scalar.string, isPlain: scalar.style == .plain), line: scalar.mark?.line)
        case .mapping(let mapping):
            let pairs = mapping.map { Pair(key: YAMLTree(node: $0.key), value: YAMLTree(node: $0.value)) }
            self.init(.mapping(pairs), line: mapping.mark?.line)
        case .sequence(let sequence):
            self.init(.sequence(sequence.map(YAMLTree.init(node:))), line: sequence.mark?.line)
        case .alias(let alias):
            // `compose` replaces aliases with the nodes they name; an alias node would read as null.
            self.init(.scalar("null", isPlain: true), line: alias.mark?.line)
        }
    }

    /// The scalar as YAML reads an integer written plain (`12`, `-3`, `0x1F`, `017`, `1_000`, `1:30`), else nil.
    public var int: Int? {
        guard case .scalar(let text, let isPlain) = value else { return nil }
        // A plain decimal without a leading zero (`12`, `-3`) reads as itself; Yams reads every other spelling.
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        if isPlain, let first = digits.utf8.first, first != UInt8(ascii: "0"),
            digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        {
            return Int(text)
        }
        return Int.construct(from: Node.Scalar(text, .implicit, isPlain ? .plain : .doubleQuoted))
    }
}
