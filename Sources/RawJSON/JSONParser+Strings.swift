import Foundation

extension Reader {
    /// Reads a string at the opening quote: plain ASCII runs are scanned eight bytes at a time and made into a
    /// `String` without re-validation (reusing the one made for the same bytes earlier in the document);
    /// other text is validated as UTF-8; escapes go through a scratch buffer.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1  // opening quote
        let start = index
        var highBits: UInt8 = 0
        // Fast path: no escapes. Eight plain ASCII bytes (no quote, backslash or control character) at a time.
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while index + 8 <= bytes.count, !Self.needsAttention(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let length = index - start
                index += 1
                if highBits & 0x80 == 0 {
                    return strings.string(offset: start, length: length) { String(decoding: $0, as: UTF8.self) }
                }
                guard let s = Self.validatedString(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return s
            }
            highBits |= b
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("unescaped control character 0x\(String(b, radix: 16)) in string") }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string (truncated JSON?)", at: open) }
        // Slow path with escapes: runs of plain bytes are copied whole.
        var scratch: [UInt8] = []
        scratch.reserveCapacity(2 * (index - start) + 64)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let run = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                index += 1
            }
            if index > run { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            guard index < bytes.count else { break }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                guard let s = scratch.withUnsafeBufferPointer(Self.validatedString) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return s
            }
            if b < 0x20 { throw error("unescaped control character 0x\(String(b, radix: 16)) in string") }
            if b != UInt8(ascii: "\\") {
                scratch.append(b)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate; otherwise U+FFFD.
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("invalid escape '\\\(Character(UnicodeScalar(e)))' in string", at: index - 2)
            }
        }
        throw error("unterminated string (truncated JSON?)", at: open)
    }

    /// Whether any of the eight bytes in `word` is a quote, a backslash, a control character or not ASCII.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return ((zeroInQuote | zeroInBackslash | control) & high) | (word & high) != 0
    }

    /// The string for UTF-8 bytes, or `nil` when they are not valid UTF-8. Decoding repairs invalid input with
    /// U+FFFD, so the bytes were valid exactly when the decoded string spells them unchanged.
    static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let decoded = String(decoding: bytes, as: UTF8.self)
        var copy = decoded
        let same = copy.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.count == 0 || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return same ? decoded : nil
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endError("4 hex digits after \\u") }
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
