/// Well-known patterns of the SSM model matched byte by byte instead of by the regular-expression engine.
///
/// A hand matcher only answers for texts made of printable ASCII (0x20–0x7E): there ICU's `\w` is exactly
/// `[A-Za-z0-9_]`, and with no line terminator `^`/`$` are the start and end of the text. Any other text
/// (non-ASCII letters, a trailing newline) gets `nil`, and ``CompiledPattern`` asks the regex, so the answers
/// are the regex's answers.
enum HandMatchedPattern: Sendable {
    /// The model's InstanceId: `(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)`.
    case instanceId

    /// The hand matcher for a pattern written exactly as `source`, if there is one.
    init?(source: String) {
        switch source {
        case #"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)"#: self = .instanceId
        default: return nil
        }
    }

    /// Whether `text` matches, or nil when the text is outside what the hand matcher decides.
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { matches($0) }
    }

    /// Whether the UTF-8 text `bytes` matches, or nil when it is outside what the hand matcher decides.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
        switch self {
        case .instanceId: return Self.isInstanceId(bytes)
        }
    }

    private static func isInstanceId(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefixLength: Int
        if bytes.count == 10 || bytes.count == 19, bytes[0] == UInt8(ascii: "i"), bytes[1] == UInt8(ascii: "-") {
            prefixLength = 2
        } else if bytes.count == 20, bytes[0] == UInt8(ascii: "m"), bytes[1] == UInt8(ascii: "i"),
            bytes[2] == UInt8(ascii: "-")
        {
            prefixLength = 3
        } else {
            return false
        }
        for byte in bytes[prefixLength...] where !isWordByte(byte) { return false }
        return true
    }

    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
        isDigit(c) || c == UInt8(ascii: "_") || (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
    }
}
