import Foundation
import RawJSON

extension Predicate {
    /// JSON equality where numbers compare by value (`-1` equals `-1.0`).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            return x.literal == y.literal || x.doubleValue == y.doubleValue
        }
        return a == b
    }

    /// ``same(_:_:)`` for values on tapes (strings compared without decoding when they hold no escape).
    static func same(_ a: JSONTape.View, _ b: JSONTape.View) -> Bool {
        if a.kind == .string, b.kind == .string {
            return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } ?? false } ?? false
        }
        return same(a.json, b.json)
    }

    static func has(_ kind: Kind, _ value: JSONTape.View) -> Bool {
        switch (kind, value.kind) {
        case (.string, .string), (.boolean, .true), (.boolean, .false), (.object, .object), (.array, .array),
            (.number, .number):
            return true
        case (.integer, .number): return value.intValue != nil
        case (.timestamp, .number): return true
        case (.timestamp, .string): return value.withUTF8(ValueFormat.iso8601DateTime.matches) == true
        default: return false
        }
    }

    /// A human description, e.g. `Status is one of Pending, InProgress`.
    public var summary: String { Self.summary(operand, test, orEmpty: orEmpty) }

    static func summary(_ operand: Operand, _ test: Test, orEmpty: Bool) -> String {
        let subject = operand.description
        let tail = orEmpty ? " (or empty)" : ""
        switch test {
        case .oneOf(_, let folded, let listed):
            return "\(subject) is one of \(listed.joined(separator: ", "))\(folded != nil ? " (any case)" : "")\(tail)"
        case .equals(let v): return "\(subject) equals \(JSONWriter.string(v))"
        case .type(let k):
            return
                "\(subject) is a JSON \(k.rawValue == "timestamp" ? "timestamp (epoch number or ISO-8601 string)" : k.rawValue)\(tail)"
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

/// Text measurements in the units the catalog uses, over a string's UTF-8 bytes.
public enum TextMeasure {
    /// The length of `text` in `unit`.
    public static func length(_ text: String, unit: Predicate.TextUnit) -> Int {
        var text = text
        return text.withUTF8 { length($0, unit: unit) }
    }

    /// The length of the UTF-8 text `bytes` in `unit`.
    public static func length(_ bytes: UnsafeBufferPointer<UInt8>, unit: Predicate.TextUnit) -> Int {
        switch unit {
        case .characters: return scalars(bytes)
        case .utf8Bytes: return bytes.count
        case .agentBytes: return agentBytes(bytes)
        }
    }

    /// Whether the UTF-8 text `bytes` is at most `limit` long in `unit` (cheap when the byte count already fits).
    public static func fits(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, unit: Predicate.TextUnit) -> Bool {
        if bytes.count <= limit { return true }
        return length(bytes, unit: unit) <= limit
    }

    /// Unicode scalar values in valid UTF-8: every byte that does not continue a sequence starts one.
    public static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// UTF-8 bytes, counting each U+FFFD (EF BF BD) as one byte: the agent cut a multibyte character there and
    /// Go's JSON encoder replaced the 1 or 2 stray bytes by U+FFFD.
    public static func agentBytes(_ text: String) -> Int {
        var text = text
        return text.withUTF8(agentBytes)
    }

    /// ``agentBytes(_:)-(String)`` over UTF-8 bytes.
    public static func agentBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var pending = 0
        for byte in bytes {
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
