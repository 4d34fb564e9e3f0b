/// A JSON value exactly as it was written: object members keep their order, numbers keep their literal text.
///
/// AWS sends epoch timestamps as `1.54208164084E9` and orders keys as its serializer pleases. A contract that
/// judges the raw response must see both as sent, and a cassette must reproduce a compact body byte for byte,
/// so this type never converts numbers to `Double` or sorts keys. Use ``semanticallyEquals(_:)`` where key order
/// and number spelling must not matter (request matching).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number kept as its literal text (`-1`, `0.5`, `1.54208164084E9`).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written in the source document.
    public let literal: String

    /// Wraps a literal. The caller is responsible for it being a valid JSON number.
    public init(literal: String) { self.literal = literal }

    /// Creates the shortest literal for an integer.
    public init(_ value: Int) { self.literal = String(value) }

    /// Creates a literal for a floating-point value (Swift's shortest round-trip form).
    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            self.literal = String(Int(value))
        } else {
            self.literal = String(value)
        }
    }

    /// The value as a `Double` (exponent forms included).
    public var doubleValue: Double? { Double(literal) }

    /// The value as an `Int` when the literal is integral (no fraction or exponent that leaves one).
    public var intValue: Int? {
        if let exact = Int(literal) { return exact }
        guard let d = Double(literal), d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    /// Whether the literal uses exponent notation (`E` or `e`).
    public var usesExponent: Bool { literal.contains("e") || literal.contains("E") }

    public var description: String { literal }
}

/// One member of a ``JSONObject``.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object that keeps its members in source order (duplicates included, as parsed).
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// The members in order.
    public private(set) var members: [JSONMember]

    public init(_ members: [JSONMember] = []) { self.members = members }

    /// Creates an object from key/value pairs, in the order given.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        self.members = pairs.map { JSONMember(key: $0.key, value: $0.value) }
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> JSONMember { members[position] }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The value for a key (the last one when a key repeats, as most JSON readers do), or `nil` if absent.
    /// Setting `nil` removes every member with that key; setting a value replaces the last one or appends.
    public subscript(key: String) -> JSONValue? {
        get { value(forKey: key, utf8Count: key.utf8.count) }
        set {
            if let newValue {
                if let index = members.lastIndex(where: { $0.key == key }) {
                    members[index].value = newValue
                } else {
                    members.append(JSONMember(key: key, value: newValue))
                }
            } else {
                members.removeAll { $0.key == key }
            }
        }
    }

    /// The value for a key whose UTF-8 length the caller already knows (`key.utf8.count`): the last member of
    /// that name, or `nil`. Members whose key has another length are skipped without comparing text, which
    /// makes repeated lookups of precomputed names cheap.
    @inlinable
    public func value(forKey key: String, utf8Count: Int) -> JSONValue? {
        lastIndex(ofKey: key, utf8Count: utf8Count).map { members[$0].value }
    }

    /// The position of the last member named `key` (whose UTF-8 length is `utf8Count`), or `nil`.
    @inlinable
    public func lastIndex(ofKey key: String, utf8Count: Int) -> Int? {
        var i = members.count - 1
        while i >= 0 {
            if members[i].key.utf8.count == utf8Count, members[i].key == key { return i }
            i -= 1
        }
        return nil
    }

    /// Whether the object has a member with this key.
    public func contains(key: String) -> Bool {
        let length = key.utf8.count
        return members.contains { $0.key.utf8.count == length && $0.key == key }
    }

    /// Appends a member without looking for an existing one.
    public mutating func append(key: String, value: JSONValue) {
        members.append(JSONMember(key: key, value: value))
    }
}

extension JSONValue {
    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, if this is a number.
    public var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The integer value, if this is an integral number.
    public var intValue: Int? { numberValue?.intValue }

    /// The double value, if this is a number.
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The boolean, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The object, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Whether this is `null`.
    @inlinable
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member lookup on objects; `nil` for anything else or an absent key.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Element lookup on arrays; `nil` for anything else or out of range.
    public subscript(index: Int) -> JSONValue? {
        guard let a = arrayValue, a.indices.contains(index) else { return nil }
        return a[index]
    }

    /// A short name of the JSON type, for messages (`string`, `number`, `object`, ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONMember(key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
