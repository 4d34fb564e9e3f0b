extension TapeReader {
    /// Reads a string at its opening quote into one entry: where its text is, whether it holds escapes, and
    /// whether it is ASCII. Plain ASCII runs are scanned eight bytes at a time; other text is validated as
    /// UTF-8, escapes are checked (they are decoded only when the string is read).
    mutating func parseString() throws(JSONParseError) {
        let open = index
        index += 1  // opening quote
        let start = index
        var highBits: UInt8 = 0
        var escaped = false
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while true {
            // Eight bytes at a time; a word that holds a byte needing attention moves straight to the first such
            // byte (the lowest flagged byte of a little-endian word is exact).
            while index + 8 <= bytes.count {
                let flagged = Self.attention(
                    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                )
                if flagged != 0 {
                    index += flagged.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < bytes.count else { throw error("unterminated string (truncated JSON?)", at: open) }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw error("unescaped control character 0x\(String(b, radix: 16)) in string") }
            if b == UInt8(ascii: "\\") {
                escaped = true
                try skipEscape(open: open)
                continue
            }
            highBits |= b
            index += 1
        }
        let length = index - start
        index += 1  // closing quote
        let ascii = highBits & 0x80 == 0
        if !ascii, !UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])) {
            throw error("invalid UTF-8 in string", at: start)
        }
        entries.append(
            JSONTape.Entry(
                kind: .string,
                escaped: escaped,
                ascii: ascii,
                start: UInt32(start),
                length: UInt32(length),
                next: 0
            )
        )
    }

    /// Checks one escape at the backslash and moves past it.
    mutating func skipEscape(open: Int) throws(JSONParseError) {
        index += 1
        guard index < bytes.count else { throw error("unterminated string (truncated JSON?)", at: open) }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            var at = index
            let digits = JSONTape.hex4(bytes, at: &at)
            index = at
            switch digits {
            case .value: return
            case .end: throw endError("4 hex digits after \\u")
            case .badDigit: throw error("invalid \\u escape: expected 4 hex digits")
            }
        default:
            throw error("invalid escape '\\\(Character(UnicodeScalar(e)))' in string", at: index - 2)
        }
    }

    /// The high bit of each of the eight bytes in `word` that is a quote, a backslash, a control character or
    /// not ASCII. The lowest one set is exact; bytes above a flagged one may be flagged too (a borrow).
    @inline(__always)
    static func attention(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return ((zeroInQuote | zeroInBackslash | control) & high) | (word & high)
    }
}

extension JSONTape {
    /// What the four hex digits of a `\u` escape read as.
    enum HexDigits {
        case value(UInt32)
        /// The input ended first.
        case end
        /// A byte that is not a hex digit (`index` is left on it).
        case badDigit
    }

    /// The four hex digits of a `\u` escape at `index` (moved past those read).
    @inline(__always)
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> HexDigits {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { return .end }
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: return .badDigit
            }
            value = value << 4 | digit
            index += 1
        }
        return .value(value)
    }

    /// The text of a string entry (its escapes decoded; the tape checked them when it was parsed).
    static func decodeString(_ entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.length)])
        guard entry.escaped else { return String(decoding: text, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: text.count) { unescape(text, into: $0) }
    }

    /// The UTF-8 bytes of escaped string text: a high surrogate not followed by an escaped low surrogate,
    /// or a lone low surrogate, becomes U+FFFD.
    @usableFromInline
    static func unescaped(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.count) { buffer, count in count = unescape(text, into: buffer) }
    }

    /// Decodes escaped string text into `out` (at least `text.count` bytes: decoding never lengthens text)
    /// and returns how many bytes it wrote. Text between escapes is copied a run at a time.
    static func unescape(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var i = 0
        @inline(__always) func put(_ byte: UInt8) {
            out[written] = byte
            written += 1
        }
        func hex(_ at: inout Int) -> UInt32 {
            // The digits were checked when the tape was parsed.
            if case .value(let value) = hex4(text, at: &at) { return value }
            return 0xFFFD
        }
        while i < text.count {
            var end = i
            while end < text.count, text[end] != UInt8(ascii: "\\") { end += 1 }
            if end > i {
                UnsafeMutableRawPointer(out.baseAddress! + written).copyMemory(
                    from: text.baseAddress! + i,
                    byteCount: end - i
                )
                written += end - i
                i = end
                continue
            }
            let e = text[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(&i)
                if (0xD800...0xDBFF).contains(scalar) {
                    if i + 1 < text.count, text[i] == UInt8(ascii: "\\"), text[i + 1] == UInt8(ascii: "u") {
                        var next = i + 2
                        let low = hex(&next)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i = next
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                // Six bytes of escape (twelve for a pair) decode to at most four.
                for byte in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! { put(byte) }
            default: put(e)  // \" \\ \/
            }
        }
        return written
    }
}

/// Well-formed UTF-8 as the Unicode standard defines it (Table 3-7): no overlong forms, no surrogates,
/// nothing above U+10FFFF — the sequences `String(decoding:as:)` keeps unchanged.
enum UTF8Validation {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 1 < n else { return false }
                let c1 = b[i + 1]
                let low: UInt8 = c == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = c == 0xED ? 0x9F : 0xBF
                guard c1 >= low, c1 <= high, cont(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 1 < n else { return false }
                let c1 = b[i + 1]
                let low: UInt8 = c == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = c == 0xF4 ? 0x8F : 0xBF
                guard c1 >= low, c1 <= high, cont(i + 2), cont(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
