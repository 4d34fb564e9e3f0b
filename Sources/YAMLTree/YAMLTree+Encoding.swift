extension YAMLTree {
    /// The tree in a compact text form that ``init(encoded:)`` reads back without a YAML parser: one header
    /// line per node (`m`apping, `s`equence, `p`lain or `q`uoted scalar, the line, then the pair or item count or
    /// the text's UTF-8 length), children or the scalar's text following.
    public var encoded: String {
        var out = ""
        encode(into: &out)
        return out
    }

    private func encode(into out: inout String) {
        let line = self.line.map(String.init) ?? ""
        switch value {
        case .scalar(let text, let isPlain):
            out += "\(isPlain ? "p" : "q")\(line) \(text.utf8.count)\n\(text)\n"
        case .mapping(let pairs):
            out += "m\(line) \(pairs.count)\n"
            for pair in pairs {
                pair.key.encode(into: &out)
                pair.value.encode(into: &out)
            }
        case .sequence(let items):
            out += "s\(line) \(items.count)\n"
            for item in items { item.encode(into: &out) }
        }
    }

    /// Reads ``encoded`` text back; nil when it is not such text.
    public init?(encoded: String) {
        var text = encoded
        let tree = text.withUTF8 { bytes -> YAMLTree? in
            var reader = EncodedReader(bytes: bytes)
            guard let tree = reader.node(), reader.position == bytes.count else { return nil }
            return tree
        }
        guard let tree else { return nil }
        self = tree
    }
}

/// Reads the encoded form front to back.
private struct EncodedReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func node() -> YAMLTree? {
        guard position < bytes.count else { return nil }
        let kind = bytes[position]
        position += 1
        let line = number(until: UInt8(ascii: " "))
        guard let count = number(until: UInt8(ascii: "\n")), count <= bytes.count - position else { return nil }
        switch kind {
        case UInt8(ascii: "p"), UInt8(ascii: "q"):
            guard position + count < bytes.count, bytes[position + count] == UInt8(ascii: "\n") else { return nil }
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + count]),
                as: UTF8.self
            )
            position += count + 1
            return YAMLTree(.scalar(text, isPlain: kind == UInt8(ascii: "p")), line: line)
        case UInt8(ascii: "m"):
            var pairs: [YAMLTree.Pair] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                guard let key = node(), let value = node() else { return nil }
                pairs.append(YAMLTree.Pair(key: key, value: value))
            }
            return YAMLTree(.mapping(pairs), line: line)
        case UInt8(ascii: "s"):
            var items: [YAMLTree] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = node() else { return nil }
                items.append(item)
            }
            return YAMLTree(.sequence(items), line: line)
        default:
            return nil
        }
    }

    /// The decimal number before `terminator` (nil when there are no digits), the terminator consumed.
    mutating func number(until terminator: UInt8) -> Int? {
        var value: Int?
        while position < bytes.count, bytes[position] != terminator {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = (value ?? 0) * 10 + Int(digit)
            position += 1
        }
        position += 1
        return value
    }
}
