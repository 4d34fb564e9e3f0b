import Foundation

/// Named string formats checked byte by byte (faster than a regular expression on every response).
public enum ValueFormat: String, Sendable, CaseIterable {
    /// `8-4-4-4-12` letters and digits, 36 characters: a UUID, or a documentation placeholder such as
    /// `…-db9a12345678` / `…EXAMPLE`.
    case uuid
    /// An ISO-8601 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` (a zone is optional in ISO-8601).
    case iso8601DateTime = "iso8601-datetime"
    /// An ISO-8601 date-time in UTC: as ``iso8601DateTime`` and ending in `Z` or `+00:00`.
    case utcDateTime = "utc-datetime"
    /// An ISO-8601 duration such as `PT0.091S`, `PT1H0.271S`, `P1DT2H`.
    case iso8601Duration = "iso8601-duration"

    /// Whether `text` has this format.
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(matches)
    }

    /// Whether the UTF-8 text `bytes` has this format.
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .uuid: Self.isUUID(bytes)
        case .iso8601DateTime: TimeValue.parseISO8601(bytes) != nil
        case .utcDateTime: TimeValue.parseISO8601(bytes)?.isUTC == true
        case .iso8601Duration: TimeValue.parseDuration(bytes) != nil
        }
    }

    private static func isUUID(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !(isDigit(c) || (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")) {
                return false
            }
        }
        return true
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

/// A regular expression compiled once when the catalog is loaded.
///
/// Matching is a pure function of the text; a well-known pattern is matched byte by byte
/// (``HandMatchedPattern``) with the regex's own answers, and its regex is compiled only when a text the hand
/// matcher leaves out needs it (starting ICU's regex engine costs ~1 ms, a tenth of a `check`).
public struct CompiledPattern: Sendable {
    private let regex: RegularExpression
    /// A byte-level matcher with the regex's exact answers for the texts it can decide (nil: ask the regex).
    private let handMatcher: HandMatchedPattern?
    /// The pattern as written.
    public let source: String

    /// Compiles `source`; throws when it is not a valid pattern.
    public init(_ source: String) throws {
        self.handMatcher = HandMatchedPattern(source: source)
        // A hand-matched pattern is one of a few known, valid patterns: its regex can wait until a text needs it.
        self.regex =
            handMatcher == nil
            ? try RegularExpression(compiling: source) : RegularExpression(compilingOnFirstUse: source)
        self.source = source
    }

    /// Whether the pattern matches somewhere in `text` (anchor it with `^…$` to match the whole text).
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(matches)
    }

    /// Whether the pattern matches somewhere in the UTF-8 text `bytes`.
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let handMatcher, let decided = handMatcher.matches(bytes) { return decided }
        let text = String(decoding: bytes, as: UTF8.self)
        return regex.expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
