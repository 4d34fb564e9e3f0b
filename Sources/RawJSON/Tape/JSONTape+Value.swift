import Foundation

extension JSONTape {
    /// One value of a tape, read like a ``JSONValue``: `value["Status"]?.stringValue`,
    /// `value["CommandInvocations"]?.arrayValue`. Reading a string decodes it then; nothing is cached.
    ///
    /// A value holds its tape (it keeps the document alive); each read goes through a ``View`` of it.
    public struct Value: Sendable {
        /// The tape the value is on.
        public let tape: JSONTape
        /// The value's entry.
        @usableFromInline let index: Int

        init(tape: JSONTape, index: Int) {
            self.tape = tape
            self.index = index
        }

        /// What the value is.
        public var kind: Kind { tape.table[index].kind }

        /// Byte offset of the value in the document (after the opening quote for strings).
        public var offset: Int { withView(\.offset) }

        /// Whether this is `null`.
        public var isNull: Bool { kind == .null }

        /// A short name of the JSON type, for messages (`string`, `number`, `object`, ...), as ``JSONValue/typeName``.
        public var typeName: String { withView(\.typeName) }

        // MARK: Scalars

        /// The string, decoded, if this is a string.
        public var stringValue: String? { withView(\.stringValue) }

        /// Calls `body` with the decoded UTF-8 bytes of a string (the document's own bytes when it holds no
        /// escape); nil when this is not a string.
        public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            withView { $0.withUTF8(body) }
        }

        /// For a string, the length of its text as written (escapes included): never less than the UTF-8 length
        /// of the decoded string, nor its count of characters.
        public var writtenLength: Int? { withView(\.writtenLength) }

        /// Whether the value is a string whose bytes are all ASCII (then characters and bytes are the same count).
        public var isASCIIString: Bool { withView(\.isASCIIString) }

        /// Whether this is the string `text`, compared byte for byte without decoding when it holds no escape.
        public func isString(_ text: String) -> Bool { withView { $0.isString(text) } }

        /// The number, with its literal as written, if this is a number.
        public var numberValue: JSONNumber? { withView(\.numberValue) }

        /// The integer value, if this is an integral number.
        public var intValue: Int? { numberValue?.intValue }

        /// The double value, if this is a number.
        public var doubleValue: Double? { numberValue?.doubleValue }

        /// The boolean, if this is a boolean.
        public var boolValue: Bool? { withView(\.boolValue) }

        // MARK: Containers

        /// The number of elements of an array or members of an object (0 for anything else).
        public var count: Int { withView(\.count) }

        /// The elements, if this is an array.
        public var arrayValue: [Value]? {
            guard kind == .array else { return nil }
            var result: [Value] = []
            result.reserveCapacity(count)
            forEachElement { result.append($0) }
            return result
        }

        /// Calls `body` with each element of an array, in order (nothing for anything else).
        @inline(__always)
        public func forEachElement(_ body: (Value) -> Void) {
            withView { view in view.forEachElement { body(on($0)) } }
        }

        /// Calls `body` with each member of an object, in order: the name as a string value, and the value.
        @inline(__always)
        public func forEachMember(_ body: (_ name: Value, _ value: Value) -> Void) {
            withView { view in view.forEachMember { name, value in body(on(name), on(value)) } }
        }

        /// The value of the member named `key` (the last one when the name repeats, as ``JSONObject`` reads
        /// it), or nil when absent or when this is not an object.
        public subscript(key: String) -> Value? { withView { $0[key].map(on) } }

        /// The element at `position`, if this is an array that long.
        public subscript(position: Int) -> Value? { withView { $0[position].map(on) } }

        // MARK: Whole values

        /// The value as a ``JSONValue`` (member order and number literals kept).
        public var json: JSONValue { withView(\.json) }
    }
}

extension JSONTape {
    /// The ``JSONValue`` of the entry at `index`, and the index after it.
    static func materialize(
        _ entries: UnsafeBufferPointer<Entry>,
        _ index: Int,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (value: JSONValue, next: Int) {
        let entry = entries[index]
        switch entry.kind {
        case .null: return (.null, index + 1)
        case .false: return (.bool(false), index + 1)
        case .true: return (.bool(true), index + 1)
        case .string: return (.string(Self.decodeString(entry, in: bytes)), index + 1)
        case .number:
            let literal = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.length)]),
                as: UTF8.self
            )
            return (.number(JSONNumber(literal: literal)), index + 1)
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(entry.length))
            var next = index + 1
            for _ in 0..<Int(entry.length) {
                let (value, after) = materialize(entries, next, bytes)
                elements.append(value)
                next = after
            }
            return (.array(elements), next)
        case .object:
            var members: [JSONMember] = []
            members.reserveCapacity(Int(entry.length))
            var next = index + 1
            for _ in 0..<Int(entry.length) {
                let key = Self.decodeString(entries[next], in: bytes)
                let (value, after) = materialize(entries, next + 1, bytes)
                members.append(JSONMember(key: key, value: value))
                next = after
            }
            return (.object(JSONObject(members)), next)
        }
    }
}

extension JSONTape {
    /// Where a value is on its tape, to find it again with ``value(at:)`` (or ``absent``).
    public struct Position: Sendable, Hashable {
        @usableFromInline let index: Int32

        /// No value.
        public static let absent = Position(index: -1)
    }

    /// The value at `position`, or nil for ``Position/absent``.
    @inline(__always)
    public func value(at position: Position) -> Value? {
        position.index < 0 ? nil : Value(tape: self, index: Int(position.index))
    }
}

extension JSONTape.Value {
    /// Where the value is on its tape.
    public var position: JSONTape.Position { JSONTape.Position(index: Int32(index)) }
}
