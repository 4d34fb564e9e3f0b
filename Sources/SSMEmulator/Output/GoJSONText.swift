/// Text as Go's `encoding/json` writes bytes that may not be valid UTF-8: every byte that does not start a valid
/// sequence becomes U+FFFD, one per byte (`utf8.DecodeRuneInString` returns width 1 for an invalid byte). So a
/// three-byte character cut after its first byte arrives as one U+FFFD, cut after two bytes as two.
///
/// Swift's `String(decoding:as:)` would replace a cut character's bytes with a single U+FFFD; the agent's replies
/// (and so AWS's responses) do not.
public enum GoJSONText {
    /// The string Go would encode for `bytes`.
    public static func string(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let (scalar, width) = decode(bytes, at: index) {
                scalars.append(scalar)
                index += width
            } else {
                scalars.append("\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// One valid UTF-8 sequence at `index` (no overlong forms, no surrogates, at most U+10FFFF), or `nil`.
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let first = bytes[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        let (width, lowest, initial): (Int, UInt32, UInt32)
        switch first {
        case 0xC2...0xDF: (width, lowest, initial) = (2, 0x80, UInt32(first & 0x1F))
        case 0xE0...0xEF: (width, lowest, initial) = (3, 0x800, UInt32(first & 0x0F))
        case 0xF0...0xF4: (width, lowest, initial) = (4, 0x10000, UInt32(first & 0x07))
        default: return nil
        }
        guard index + width <= bytes.count else { return nil }
        var value = initial
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= lowest, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, width)
    }
}
