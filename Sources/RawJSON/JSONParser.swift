import Foundation

/// A strict RFC 8259 JSON parser producing ``JSONValue`` (member order and number literals preserved).
///
/// Errors name the line and column and say what was expected, so that a truncated body or an HTML error page
/// gives a message a person can act on.
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
        var reader = Reader(bytes: buffer)
        do throws(JSONParseError) {
            reader.skipWhitespace()
            let value = try reader.parseValue(depth: 0)
            reader.skipWhitespace()
            if reader.index != buffer.count {
                throw reader.error("unexpected \(reader.describeCurrent()) after the end of the JSON value")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// The parser state over one document; strings are read in `JSONParser+Strings.swift`.
struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Members and elements of the containers being parsed (moved into exact-size arrays when they close).
    let members = ScratchStack<JSONMember>()
    let elements = ScratchStack<JSONValue>()
    var strings: StringInterner

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.strings = StringInterner(bytes: bytes.baseAddress!)
    }

    func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
        let at = min(offset ?? index, bytes.count)
        var line = 1, column = 1
        var i = 0
        while i < at {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return JSONParseError(reason: reason, offset: at, line: line, column: column)
    }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "character '\(Character(UnicodeScalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    func endError(_ expecting: String) -> JSONParseError {
        error("unexpected end of input, expected \(expecting) (truncated JSON?)")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw endError("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "<"):
            throw error("found '<' where a JSON value should start (an HTML or XML page, not JSON)")
        default:
            throw error("unexpected \(describeCurrent()), expected a JSON value")
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let pointer = word.utf8Start
        for i in 0..<count {
            guard index < bytes.count else { throw endError("'\(word)'") }
            guard bytes[index] == pointer[i] else {
                throw error("invalid literal, expected '\(word)'", at: start)
            }
            index += 1
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        index += 1  // {
        skipWhitespace()
        guard index < bytes.count else { throw endError("a member name or '}'") }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        let first = members.count
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endError("a member name") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endError("':'") }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':' after member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.push(JSONMember(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw endError("',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(members.pop(from: first)))
            default: throw error("unexpected \(describeCurrent()), expected ',' or '}' in object")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        index += 1  // [
        skipWhitespace()
        guard index < bytes.count else { throw endError("a value or ']'") }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        let first = elements.count
        while true {
            skipWhitespace()
            let element = try parseValue(depth: depth)
            elements.push(element)
            skipWhitespace()
            guard index < bytes.count else { throw endError("',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements.pop(from: first))
            default: throw error("unexpected \(describeCurrent()), expected ',' or ']' in array")
            }
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw endError("a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw error("invalid number: expected a digit after '-'")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw index < bytes.count ? error("invalid number: expected a digit after '.'") : endError("a digit")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw index < bytes.count ? error("invalid number: expected a digit in the exponent") : endError("a digit")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let literal = strings.string(offset: start, length: index - start) { String(decoding: $0, as: UTF8.self) }
        return JSONNumber(literal: literal)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
