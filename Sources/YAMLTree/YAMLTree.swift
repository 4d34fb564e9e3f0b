/// A YAML document as a plain tree: scalars (text, and whether it was written plain), mappings (pairs in file
/// order) and sequences, each with the line it starts on.
///
/// Readers of catalog files look values up by key many times; a tree of strings and arrays answers that with
/// string comparisons. ``parse(_:)`` builds it with Yams; ``encoded`` and ``init(encoded:)`` carry it from the
/// build (the EmbedFiles plugin) to run time, so a file compiled into the binary is not parsed again at start.
public struct YAMLTree: Sendable, Equatable {
    /// What a node holds.
    public indirect enum Value: Sendable, Equatable {
        /// A scalar's text; `isPlain` when written without quotes or block style (so `true`, `12`, `null` read
        /// as such, while `"true"` stays text).
        case scalar(String, isPlain: Bool)
        /// A mapping's pairs, in file order.
        case mapping([Pair])
        /// A sequence's items.
        case sequence([YAMLTree])
    }

    /// One key and its value.
    public struct Pair: Sendable, Equatable {
        /// The key: a scalar in every file ssm-contract reads (another node is a key no lookup finds).
        public var key: YAMLTree
        /// The value the key maps to.
        public var value: YAMLTree

        public init(key: YAMLTree, value: YAMLTree) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds.
    public var value: Value
    /// The line the node starts on (1-based), when known.
    public var line: Int?

    /// A node holding `value`, starting on `line`.
    public init(_ value: Value, line: Int?) {
        self.value = value
        self.line = line
    }

    /// The scalar's text, or nil.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// The mapping's pairs, or nil.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The sequence's items, or nil.
    public var sequence: [YAMLTree]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// Whether the node is a scalar written plain.
    public var isPlainScalar: Bool {
        if case .scalar(_, true) = value { return true }
        return false
    }

    /// The value of the scalar key `key` in a mapping (nil when absent, or when this is not a mapping).
    public subscript(key: String) -> YAMLTree? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }
}
