import ContractEngine
import Foundation
import RawJSON

/// The JSON type of a value and, for numbers and strings, its form — what a parser depends on, not the value.
///
/// | value | kind |
/// | --- | --- |
/// | `1.763712301586E9` | `number (exponent)` — AWS's epoch timestamps |
/// | `1763712301.586595` | `number (decimal)` — moto's epoch timestamps |
/// | `0`, `-1` | `number (integer)` |
/// | `"2026-11-21T08:25:01.586Z"` | `string (ISO-8601 UTC)` |
/// | `"2026-11-21T08:25:01.586595"` | `string (ISO-8601 without zone)` |
/// | `"PT0.091S"` | `string (ISO-8601 duration)` |
/// | `""` | `string (empty)` — the value of an optional text before it is set, not a form of its own |
/// | any other string | `string` |
/// | `true` | `boolean` |
public enum ValueKind {
    /// The kind of an empty string; comparisons treat it as plain `string` (see ``comparable(_:)``).
    public static let emptyString = "string (empty)"

    /// The kind of `value`.
    public static func of(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .object: return "object"
        case .array: return "array"
        case .number(let number):
            if number.usesExponent { return "number (exponent)" }
            return number.literal.contains(".") ? "number (decimal)" : "number (integer)"
        case .string(let text):
            if text.isEmpty { return emptyString }
            if ValueFormat.iso8601DateTime.matches(text) {
                return ValueFormat.utcDateTime.matches(text)
                    ? "string (ISO-8601 UTC)" : "string (ISO-8601 without zone)"
            }
            if ValueFormat.iso8601Duration.matches(text) { return "string (ISO-8601 duration)" }
            return "string"
        }
    }

    /// The kinds that count when two shapes are compared: an empty string says nothing about the form the member
    /// takes once it is set (`ExecutionEndDateTime` is `""` in flight), so it only counts as `string` when it is
    /// all there was.
    public static func comparable(_ kinds: Set<String>) -> Set<String> {
        let set = kinds.subtracting([emptyString])
        return set.isEmpty && kinds.contains(emptyString) ? ["string"] : set
    }

    /// Whether `kind` is a non-empty string form (plain or a date-time or duration form).
    static func isTextForm(_ kind: String) -> Bool { kind.hasPrefix("string") && kind != emptyString }
}

/// Error messages with everything that varies between calls masked, so the same message from two runs compares
/// equal: UUIDs (command and request ids), instance ids, ARNs, account ids, date-times and other numbers.
public enum MessagePattern {
    private static let rules: [(NSRegularExpression, String)] = [
        (#"arn:aws[A-Za-z-]*:[^\s"',;]+"#, "<arn>"),
        (#"\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b"#, "<uuid>"),
        (#"\bm?i-[0-9A-Fa-f]{8,17}\b"#, "<instance-id>"),
        (#"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"#, "<time>"),
        (#"\b\d{12}\b"#, "<account-id>"),
        (#"\b[0-9A-Za-z]{32,}\b"#, "<token>"),
        (#"(?<![<\w])\d+(\.\d+)?\b"#, "<n>"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// `message` with identifiers and numbers replaced by `<uuid>`, `<instance-id>`, `<arn>`, `<account-id>`,
    /// `<time>`, `<token>`, `<n>`.
    public static func mask(_ message: String) -> String {
        var text = message
        for (regex, replacement) in rules {
            text = regex.stringByReplacingMatches(
                in: text,
                range: NSRange(text.startIndex..., in: text),
                withTemplate: NSRegularExpression.escapedTemplate(for: replacement)
            )
        }
        return text
    }
}
