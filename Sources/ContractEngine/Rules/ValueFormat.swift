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
        return text.withUTF8 { bytes in
            switch self {
            case .uuid: return Self.isUUID(bytes)
            case .iso8601DateTime: return TimeValue.parseISO8601(bytes) != nil
            case .utcDateTime: return TimeValue.parseISO8601(bytes)?.isUTC == true
            case .iso8601Duration: return TimeValue.parseDuration(bytes) != nil
            }
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
/// Matching is a pure function of the text, and identifiers repeat across a recording (every poll of an
/// invocation carries the same instance id), so recent answers are remembered.
public struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to use from several threads;
    // the answer cache is only touched under its lock.
    private let regex: NSRegularExpression
    private let answers: AnswerCache
    /// A byte-level matcher with the regex's exact answers for the texts it can decide (nil: ask the regex).
    private let handMatcher: HandMatchedPattern?
    /// The pattern as written.
    public let source: String

    /// Compiles `source`; throws when it is not a valid pattern.
    public init(_ source: String) throws {
        self.regex = try NSRegularExpression(pattern: source)
        self.answers = AnswerCache()
        self.handMatcher = HandMatchedPattern(source: source)
        self.source = source
    }

    /// Whether the pattern matches somewhere in `text` (anchor it with `^…$` to match the whole text).
    public func matches(_ text: String) -> Bool {
        if let handMatcher, let decided = handMatcher.matches(text) { return decided }
        if let known = answers.answer(for: text) { return known }
        let matched = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        answers.remember(matched, for: text)
        return matched
    }
}

/// The last answers of a ``CompiledPattern`` (bounded: emptied when full), shared by the threads using it.
private final class AnswerCache: @unchecked Sendable {
    // Every access to `answers` holds `lock`.
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]
    private static let capacity = 4096
    /// Texts longer than this are not remembered (identifiers are short).
    private static let longestText = 128

    func answer(for text: String) -> Bool? {
        guard text.utf8.count <= Self.longestText else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return answers[text]
    }

    func remember(_ answer: Bool, for text: String) {
        guard text.utf8.count <= Self.longestText else { return }
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= Self.capacity { answers.removeAll(keepingCapacity: true) }
        answers[text] = answer
    }
}
