import Foundation

/// A strict RFC 8259 JSON parser producing ``JSONValue`` (member order and number literals preserved).
///
/// Errors name the line and column and say what was expected, so that a truncated body or an HTML error page
/// gives a message a person can act on. The document is read by the ``JSONTape`` parser (the one parser of
/// the package) and the value made from its tape.
public enum JSONParser {
    /// The deepest nesting accepted; deeper input is rejected rather than overflowing the stack.
    public static let maximumDepth = 512

    /// Parses a complete document (surrounding whitespace allowed, nothing else).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        if let result = bytes.withContiguousStorageIfAvailable({ parse(buffer: $0) }) { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { parse(buffer: $0) }.get()
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parse(buffer: $0) }.get()
    }

    /// Parses `Data`.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { parse(buffer: $0.bindMemory(to: UInt8.self)) }.get()
    }

    /// Parses the bytes of one document (the buffer must stay valid for the call).
    static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        // An empty buffer may have no base address; parse a one-byte stand-in of length zero instead.
        guard buffer.baseAddress != nil else {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { scratch in
                parse(buffer: UnsafeBufferPointer(start: scratch.baseAddress, count: 0))
            }
        }
        do throws(JSONParseError) {
            let entries = try TapeReader.document(buffer)
            return .success(entries.withUnsafeBufferPointer { JSONTape.materialize($0, 0, buffer).value })
        } catch {
            return .failure(error)
        }
    }
}
