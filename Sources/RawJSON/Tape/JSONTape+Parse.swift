import Foundation

extension JSONTape {
    /// Parses a complete document (surrounding whitespace allowed, nothing else).
    ///
    /// - Throws: ``JSONParseError`` with the reason, byte offset, line and column.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONTape {
        guard bytes.count < maximumSize else {
            throw JSONParseError(
                reason: "the document is larger than \(maximumSize) bytes",
                offset: 0,
                line: 1,
                column: 1
            )
        }
        let entries = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) -> [Entry] in
            // An empty array may have no base address; read a stand-in of length zero instead.
            guard buffer.baseAddress != nil else {
                return try [UInt8(0)].withUnsafeBufferPointer { one throws(JSONParseError) in
                    try TapeReader.document(UnsafeBufferPointer(start: one.baseAddress, count: 0))
                }
            }
            return try TapeReader.document(buffer)
        }
        return JSONTape(bytes: bytes, entries: entries)
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONTape { try parse(Array(text.utf8)) }

    /// Parses `Data`.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONTape { try parse([UInt8](data)) }

    /// The tape of a value (written compactly, then parsed): for callers that hold a ``JSONValue``.
    public convenience init(_ value: JSONValue) {
        let bytes = JSONWriter.bytes(value, style: .compact)
        // A written value always parses.
        let entries = try! bytes.withUnsafeBufferPointer { buffer in try TapeReader.document(buffer) }
        self.init(bytes: bytes, entries: entries)
    }
}

/// The parser state over one document: appends one entry per value, in document order.
struct TapeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var entries: [JSONTape.Entry] = []

    static func document(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> [JSONTape.Entry] {
        var reader = TapeReader(bytes: bytes)
        // Compact JSON runs at about one value per six bytes; a pretty cassette at fewer.
        reader.entries.reserveCapacity(bytes.count / 8 + 4)
        reader.skipWhitespace()
        try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.index != bytes.count {
            throw reader.error("unexpected \(reader.describeCurrent()) after the end of the JSON value")
        }
        return reader.entries
    }

    func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(reason, at: min(offset ?? index, bytes.count), in: bytes)
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

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    @inline(__always)
    mutating func append(_ kind: JSONTape.Kind, start: Int, length: Int = 0) {
        entries.append(
            JSONTape.Entry(
                kind: kind,
                escaped: false,
                ascii: true,
                start: UInt32(start),
                length: UInt32(length),
                next: 0
            )
        )
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) {
        guard index < bytes.count else { throw endError("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"):
            append(.true, start: index)
            try expectWord("true")
        case UInt8(ascii: "f"):
            append(.false, start: index)
            try expectWord("false")
        case UInt8(ascii: "n"):
            append(.null, start: index)
            try expectWord("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
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

    /// Closes the container whose entry is at `at`: its count and where the entries after it start.
    @inline(__always)
    mutating func close(_ at: Int, count: Int) {
        entries[at].length = UInt32(count)
        entries[at].next = UInt32(entries.count)
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        let at = entries.count
        append(.object, start: index)
        index += 1  // {
        skipWhitespace()
        guard index < bytes.count else { throw endError("a member name or '}'") }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            close(at, count: 0)
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endError("a member name") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endError("':'") }
            guard bytes[index] == UInt8(ascii: ":") else {
                let key = JSONTape.decodeString(entries[entries.count - 1], in: bytes)
                throw error("unexpected \(describeCurrent()), expected ':' after member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            try parseValue(depth: depth)
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw endError("',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                close(at, count: count)
                return
            default: throw error("unexpected \(describeCurrent()), expected ',' or '}' in object")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) {
        guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        let at = entries.count
        append(.array, start: index)
        index += 1  // [
        skipWhitespace()
        guard index < bytes.count else { throw endError("a value or ']'") }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            close(at, count: 0)
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            try parseValue(depth: depth)
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw endError("',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                close(at, count: count)
                return
            default: throw error("unexpected \(describeCurrent()), expected ',' or ']' in array")
            }
        }
    }

    mutating func parseNumber() throws(JSONParseError) {
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
                throw index < bytes.count
                    ? error("invalid number: expected a digit in the exponent") : endError("a digit")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        append(.number, start: start, length: index - start)
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

extension JSONParseError {
    /// An error at byte `offset` of `bytes`, with its line and column.
    init(_ reason: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        self.init(reason: reason, offset: offset, line: line, column: column)
    }
}
