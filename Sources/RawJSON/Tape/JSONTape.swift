/// A parsed JSON document kept flat: the document's bytes and one entry per value, in document order.
///
/// Parsing a cassette into ``JSONValue`` builds a `String` for every member name and value and an array for
/// every object and list; a rule then reads a handful of them. A tape is one pass and two arrays: each entry
/// says what the value is and where its text is in the bytes. Strings are decoded when a reader asks for them,
/// numbers stay their literal text, and a container's entry says where the entries after it start, so skipping
/// a subtree is one step. ``Value`` reads it like a ``JSONValue``; ``Value/json`` materializes one when needed.
///
/// ```swift
/// let tape = try JSONTape.parse(bytes)
/// let status = tape.root["Status"]?.stringValue
/// ```
///
/// The parse is strict RFC 8259 (the same rules and messages as ``JSONParser``): UTF-8 and escapes are
/// validated, and errors carry the byte offset, line and column.
public final class JSONTape: Sendable {
    /// What one entry is.
    public enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, array, object
    }

    /// One value. Strings and numbers point at their text; containers at their opening byte.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var kind: Kind
        /// For strings: the text holds a backslash escape (it is decoded when read). For strings and member
        /// names: whether every byte is ASCII.
        @usableFromInline var escaped: Bool
        @usableFromInline var ascii: Bool
        /// Byte offset of the text: after the opening quote for strings, the first byte otherwise.
        @usableFromInline var start: UInt32
        /// Strings and numbers: the length of the text in bytes (between the quotes for strings).
        /// Containers: the number of elements, or of members for objects.
        @usableFromInline var length: UInt32
        /// Containers: the index of the entry after the container's last descendant.
        @usableFromInline var next: UInt32
    }

    /// The document's bytes (UTF-8) and its entries, as parsed (never copied, never changed).
    @usableFromInline let text: [UInt8]
    @usableFromInline let table: [Entry]

    init(bytes: [UInt8], entries: [Entry]) {
        self.text = bytes
        self.table = entries
    }

    /// The document's bytes (UTF-8).
    public var bytes: [UInt8] { text }

    /// The document's value.
    public var root: Value { Value(tape: self, index: 0) }

    /// The largest document a tape holds (offsets are 32-bit).
    public static let maximumSize = Int(UInt32.max)
}
