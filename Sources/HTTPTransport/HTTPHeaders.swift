/// One header field as sent or received: name spelling and value kept exactly.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields. Lookups are case-insensitive; order, spelling and duplicates are kept.
public struct HTTPHeaders: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// The fields in order.
    public private(set) var fields: [HTTPHeader]

    public init(_ fields: [HTTPHeader] = []) { self.fields = fields }

    /// Creates headers from name/value pairs, in order.
    public init(_ pairs: [(String, String)]) {
        self.fields = pairs.map { HTTPHeader(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HTTPHeader { fields[position] }

    /// The first value of a header, compared case-insensitively; setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            if let newValue {
                replaceOrAdd(name: name, value: newValue)
            } else {
                remove(name: name)
            }
        }
    }

    /// Every value of a header, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Whether a header of this name is present.
    public func contains(name: String) -> Bool {
        fields.contains { Self.sameName($0.name, name) }
    }

    /// Whether two header names are the same name: equal ignoring case. ASCII names (every valid one) are
    /// compared byte by byte without building lower-cased copies; others as lower-cased strings.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                guard x < 0x80, y < 0x80 else { return a.lowercased() == b.lowercased() }
                if x != y, asciiLower(x) != asciiLower(y) { return false }
            default:
                // Lengths differ: only non-ASCII names could still be equal once lower-cased.
                return a.utf8.contains { $0 >= 0x80 } || b.utf8.contains { $0 >= 0x80 }
                    ? a.lowercased() == b.lowercased() : false
            }
        }
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Appends a field, keeping any existing ones of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(HTTPHeader(name: name, value: value))
    }

    /// Replaces the first field of this name (removing the others), or appends one.
    public mutating func replaceOrAdd(name: String, value: String) {
        if let first = fields.firstIndex(where: { Self.sameName($0.name, name) }) {
            fields[first].value = value
            var i = fields.index(after: first)
            while i < fields.endIndex {
                if Self.sameName(fields[i].name, name) { fields.remove(at: i) } else { i += 1 }
            }
        } else {
            fields.append(HTTPHeader(name: name, value: value))
        }
    }

    /// Removes every field of this name.
    public mutating func remove(name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }
}
