import RawJSON

/// The result of testing one predicate.
enum PredicateResult: Equatable {
    /// The value satisfies the test.
    case holds
    /// The value is there and does not satisfy the test.
    case violated
    /// The field is absent.
    case absent
    /// The test needs something that is not there (the request, or the member it compares with).
    case unknown
}

extension Predicate {
    /// The value the predicate reads (for reports), or `nil` when absent.
    func value(subject: JSONValue, request: JSONValue?) -> JSONValue? {
        switch operand {
        case .field(let path): return path.lookup(in: subject)
        case .request(let path): return request.flatMap { path.lookup(in: $0) }
        }
    }

    /// Tests the predicate against a subject and the request.
    func evaluate(subject: JSONValue, request: JSONValue?) -> PredicateResult {
        let value: JSONValue?
        switch operand {
        case .field(let path): value = path.lookup(in: subject)
        case .request(let path):
            guard let request else { return .unknown }
            value = path.lookup(in: request)
        }
        if case .present(let wanted) = test { return (value != nil) == wanted ? .holds : .violated }
        if case .equalsRequest(let path) = test, request.flatMap({ path.lookup(in: $0) }) == nil { return .unknown }
        guard let value, value != .null else { return .absent }
        if orEmpty, case .string(let s) = value, s.isEmpty { return .holds }
        switch test {
        case .oneOf(let values, let folded, _):
            guard case .string(let s) = value else { return .violated }
            if values.contains(s) { return .holds }
            if let folded, folded.contains(s.lowercased()) { return .holds }
            return .violated
        case .equals(let expected): return Self.same(value, expected) ? .holds : .violated
        case .type(let kind): return Self.has(kind, value) ? .holds : .violated
        case .format(let format):
            guard case .string(let s) = value else { return .violated }
            return format.matches(s) ? .holds : .violated
        case .pattern(let pattern):
            guard case .string(let s) = value else { return .violated }
            return pattern.matches(s) ? .holds : .violated
        case .maxLength(let limit, let unit):
            guard case .string(let s) = value else { return .violated }
            return TextMeasure.fits(s, limit: limit, unit: unit) ? .holds : .violated
        case .minLength(let limit, let unit):
            guard case .string(let s) = value else { return .violated }
            if s.utf8.count < limit { return .violated }
            return TextMeasure.length(s, unit: unit) >= limit ? .holds : .violated
        case .suffix(let suffix):
            guard case .string(let s) = value else { return .violated }
            return s.hasSuffix(suffix) ? .holds : .violated
        case .present: return .holds
        case .equalsRequest(let path):
            guard let request, let other = path.lookup(in: request), other != .null else { return .unknown }
            return Self.same(value, other) ? .holds : .violated
        case .notBefore(let path):
            guard let other = path.lookup(in: subject), let earlier = TimeValue.instant(other),
                let later = TimeValue.instant(value)
            else { return .unknown }
            return later >= earlier ? .holds : .violated
        }
    }

    /// JSON equality where numbers compare by value (`-1` equals `-1.0`).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            return x.literal == y.literal || x.doubleValue == y.doubleValue
        }
        return a == b
    }

    static func has(_ kind: Kind, _ value: JSONValue) -> Bool {
        switch (kind, value) {
        case (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number):
            return true
        case (.integer, .number(let n)): return n.intValue != nil
        case (.timestamp, .number): return true
        case (.timestamp, .string(let s)): return ValueFormat.iso8601DateTime.matches(s)
        default: return false
        }
    }

    /// A human description, e.g. `Status is one of Pending, InProgress`.
    public var summary: String {
        let subject = operand.description
        let tail = orEmpty ? " (or empty)" : ""
        switch test {
        case .oneOf(_, let folded, let listed):
            return "\(subject) is one of \(listed.joined(separator: ", "))\(folded != nil ? " (any case)" : "")\(tail)"
        case .equals(let v): return "\(subject) equals \(JSONWriter.string(v))"
        case .type(let k): return "\(subject) is a JSON \(k.rawValue == "timestamp" ? "timestamp (epoch number or ISO-8601 string)" : k.rawValue)\(tail)"
        case .format(let f): return "\(subject) has the \(f.rawValue) format\(tail)"
        case .pattern(let p): return "\(subject) matches /\(p.source)/\(tail)"
        case .maxLength(let n, let unit): return "\(subject) is at most \(n) \(unit.rawValue)"
        case .minLength(let n, let unit): return "\(subject) is at least \(n) \(unit.rawValue)"
        case .suffix(let s): return "\(subject) ends with \(JSONWriter.string(.string(s)))"
        case .present(let p): return p ? "\(subject) is present" : "\(subject) is absent"
        case .equalsRequest(let path): return "\(subject) equals request.\(path)"
        case .notBefore(let path): return "\(subject) is not before \(path)"
        }
    }
}

/// Text measurements in the units the catalog uses.
public enum TextMeasure {
    /// The length of `text` in `unit`.
    public static func length(_ text: String, unit: Predicate.TextUnit) -> Int {
        switch unit {
        case .characters: return text.unicodeScalars.count
        case .utf8Bytes: return text.utf8.count
        case .agentBytes: return agentBytes(text)
        }
    }

    /// Whether `text` is at most `limit` long in `unit` (cheap when the UTF-8 length already fits).
    public static func fits(_ text: String, limit: Int, unit: Predicate.TextUnit) -> Bool {
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        return length(text, unit: unit) <= limit
    }

    /// UTF-8 bytes, counting each U+FFFD (EF BF BD) as one byte: the agent cut a multibyte character there and
    /// Go's JSON encoder replaced the 1 or 2 stray bytes by U+FFFD.
    public static func agentBytes(_ text: String) -> Int {
        var count = 0
        var pending = 0
        for byte in text.utf8 {
            count += 1
            switch (pending, byte) {
            case (0, 0xEF): pending = 1
            case (1, 0xBF): pending = 2
            case (2, 0xBD):
                count -= 2
                pending = 0
            default: pending = byte == 0xEF ? 1 : 0
            }
        }
        return count
    }
}
