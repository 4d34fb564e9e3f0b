import Foundation

extension JSONTape {
    /// One value of a tape, read without holding the tape: where the tape's bytes and entries are, and the
    /// value's entry. Made by ``JSONTape/Value/withView(_:)``, and valid only inside that call, which keeps the
    /// tape alive.
    ///
    /// A ``Value`` holds its tape, so every copy of one (into an optional, a closure, a result) retains and
    /// releases the tape; a view is three words and copies for nothing. Code that reads many values of one
    /// document in a row (the contract engine's rules) reads views; everything else reads values.
    ///
    /// ```swift
    /// let status = body.withView { body in body["Status"]?.stringValue }
    /// ```
    public struct View {
        /// The tape's bytes and entries (owned by the tape, which outlives the view).
        @usableFromInline let text: UnsafeBufferPointer<UInt8>
        @usableFromInline let table: UnsafeBufferPointer<Entry>
        /// The value's entry.
        @usableFromInline let index: Int

        @inlinable
        init(text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Entry>, index: Int) {
            self.text = text
            self.table = table
            self.index = index
        }

        @inlinable var entry: Entry { table[index] }

        /// Another value of the same tape.
        @inlinable
        func moved(to index: Int) -> View { View(text: text, table: table, index: index) }

        /// What the value is.
        @inlinable public var kind: Kind { entry.kind }

        /// Byte offset of the value in the document (after the opening quote for strings).
        public var offset: Int { Int(entry.start) }

        /// Whether this is `null`.
        @inlinable public var isNull: Bool { kind == .null }

        /// Where the value is on its tape.
        public var position: Position { Position(index: Int32(index)) }

        /// The value at `position` of the same tape, or nil for ``Position/absent``.
        @inlinable
        public func value(at position: Position) -> View? {
            position.index < 0 ? nil : moved(to: Int(position.index))
        }

        /// A short name of the JSON type, for messages (`string`, `number`, `object`, ...), as ``JSONValue/typeName``.
        public var typeName: String {
            switch kind {
            case .null: "null"
            case .false, .true: "boolean"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }

        // MARK: Scalars

        /// The text of a string or number as written (between the quotes for strings).
        @inlinable
        var writtenText: UnsafeBufferPointer<UInt8> {
            let entry = self.entry
            return UnsafeBufferPointer(start: text.baseAddress! + Int(entry.start), count: Int(entry.length))
        }

        /// The string, decoded, if this is a string.
        public var stringValue: String? {
            guard kind == .string else { return nil }
            return JSONTape.decodeString(entry, in: text)
        }

        /// Calls `body` with the decoded UTF-8 bytes of a string (the document's own bytes when it holds no
        /// escape); nil when this is not a string.
        @inlinable
        public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            guard kind == .string else { return nil }
            guard entry.escaped else { return body(writtenText) }
            return JSONTape.unescaped(writtenText).withUnsafeBufferPointer(body)
        }

        /// For a string, the length of its text as written (escapes included): never less than the UTF-8 length
        /// of the decoded string, nor its count of characters.
        @inlinable public var writtenLength: Int? { kind == .string ? Int(entry.length) : nil }

        /// Whether the value is a string whose bytes are all ASCII (then characters and bytes are the same count).
        @inlinable public var isASCIIString: Bool { kind == .string && entry.ascii && !entry.escaped }

        /// Whether this is the string `text`, compared byte for byte without decoding when it holds no escape.
        public func isString(_ text: String) -> Bool {
            guard kind == .string else { return false }
            if entry.escaped { return stringValue == text }
            var text = text
            return text.withUTF8 { hasBytes($0) }
        }

        /// The number, with its literal as written, if this is a number.
        public var numberValue: JSONNumber? {
            guard kind == .number else { return nil }
            return JSONNumber(literal: String(decoding: writtenText, as: UTF8.self))
        }

        /// Calls `body` with the literal of a number as written; nil when this is not a number.
        @inlinable
        public func withNumberLiteral<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            kind == .number ? body(writtenText) : nil
        }

        /// The integer value, if this is an integral number.
        public var intValue: Int? { numberValue?.intValue }

        /// The double value, if this is a number.
        public var doubleValue: Double? { numberValue?.doubleValue }

        /// The boolean, if this is a boolean.
        public var boolValue: Bool? {
            switch kind {
            case .true: true
            case .false: false
            default: nil
            }
        }

        // MARK: Containers

        /// The number of elements of an array or members of an object (0 for anything else).
        public var count: Int { kind == .array || kind == .object ? Int(entry.length) : 0 }

        /// The index of the entry after `index` and everything it contains.
        @inlinable
        func after(_ index: Int) -> Int {
            let entry = table[index]
            return entry.kind == .array || entry.kind == .object ? Int(entry.next) : index + 1
        }

        /// Calls `body` with each element of an array, in order (nothing for anything else).
        @inlinable
        public func forEachElement(_ body: (View) -> Void) {
            guard kind == .array else { return }
            var next = index + 1
            for _ in 0..<Int(entry.length) {
                body(moved(to: next))
                next = after(next)
            }
        }

        /// Calls `body` with each member of an object, in order: the name as a string value, and the value.
        @inlinable
        public func forEachMember(_ body: (_ name: View, _ value: View) -> Void) {
            guard kind == .object else { return }
            var next = index + 1
            for _ in 0..<Int(entry.length) {
                body(moved(to: next), moved(to: next + 1))
                next = after(next + 1)
            }
        }

        /// The value of the member named `key` (the last one when the name repeats, as ``JSONObject`` reads
        /// it), or nil when absent or when this is not an object.
        public subscript(key: String) -> View? {
            var key = key
            return key.withUTF8 { member(named: $0) }
        }

        /// The value of the member whose name is the UTF-8 text `wanted` (the last one when the name repeats),
        /// or nil when absent or when this is not an object: ``subscript(_:)-(String)`` for names kept as bytes.
        @inlinable
        public func member(named wanted: UnsafeBufferPointer<UInt8>) -> View? {
            guard kind == .object else { return nil }
            var found: View?
            forEachMember { name, value in
                if name.hasBytes(wanted) { found = value }
            }
            return found
        }

        /// The element at `position`, if this is an array that long.
        public subscript(position: Int) -> View? {
            guard kind == .array, position >= 0, position < count else { return nil }
            var next = index + 1
            for _ in 0..<position { next = after(next) }
            return moved(to: next)
        }

        /// Whether this string's decoded bytes are `wanted`.
        @inlinable
        func hasBytes(_ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
            let entry = self.entry
            if entry.escaped { return withUTF8 { $0.elementsEqual(wanted) } ?? false }
            guard Int(entry.length) == wanted.count else { return false }
            return wanted.count == 0
                || memcmp(text.baseAddress! + Int(entry.start), wanted.baseAddress!, wanted.count) == 0
        }

        // MARK: Whole values

        /// The value as a ``JSONValue`` (member order and number literals kept).
        public var json: JSONValue {
            JSONTape.materialize(table, index, text).value
        }
    }
}

extension JSONTape.Value {
    /// Calls `body` with a view of this value (``JSONTape/View``), valid during the call.
    @inlinable
    public func withView<R>(_ body: (JSONTape.View) throws -> R) rethrows -> R {
        try tape.text.withUnsafeBufferPointer { text in
            try tape.table.withUnsafeBufferPointer { table in
                try body(JSONTape.View(text: text, table: table, index: index))
            }
        }
    }

    /// Calls `body` with a view of `value`, or nil when there is none.
    @inlinable
    public static func withView<R>(of value: Self?, _ body: (JSONTape.View?) throws -> R) rethrows -> R {
        guard let value else { return try body(nil) }
        return try value.withView(body)
    }

    /// The value of this value's tape that `view` (made from it) reads.
    @inline(__always)
    func on(_ view: JSONTape.View) -> Self { Self(tape: tape, index: view.index) }
}

extension JSONTape {
    /// The value (holding this tape) that `view`, made from a value of this tape, reads.
    public func value(of view: View) -> Value {
        precondition(
            table.withUnsafeBufferPointer { $0.baseAddress == view.table.baseAddress },
            "the view is not of this tape"
        )
        return Value(tape: self, index: view.index)
    }
}
