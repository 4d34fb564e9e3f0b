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
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
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
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// Whether a header of this name is present.
    public func contains(name: String) -> Bool {
        let lower = name.lowercased()
        return fields.contains { $0.name.lowercased() == lower }
    }

    /// Appends a field, keeping any existing ones of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(HTTPHeader(name: name, value: value))
    }

    /// Replaces the first field of this name (removing the others), or appends one.
    public mutating func replaceOrAdd(name: String, value: String) {
        let lower = name.lowercased()
        if let first = fields.firstIndex(where: { $0.name.lowercased() == lower }) {
            fields[first].value = value
            var i = fields.index(after: first)
            while i < fields.endIndex {
                if fields[i].name.lowercased() == lower { fields.remove(at: i) } else { i += 1 }
            }
        } else {
            fields.append(HTTPHeader(name: name, value: value))
        }
    }

    /// Removes every field of this name.
    public mutating func remove(name: String) {
        let lower = name.lowercased()
        fields.removeAll { $0.name.lowercased() == lower }
    }
}
