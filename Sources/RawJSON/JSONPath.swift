/// A JSON path — the one path syntax of the package, read by redaction rules and contracts alike: `$`,
/// `.name`, `['name']`, `[N]`, `[*]` / `.*`, and `..name` (the member `name` at any depth).
/// Example: `$.CommandInvocations[*].Comment`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Segment: Sendable, Hashable {
        /// The member of that name.
        case member(String)
        /// The element at that position.
        case index(Int)
        /// Every element of a list (or member of an object).
        case wildcard
        /// The member of that name at any depth.
        case descendant(String)
    }

    /// The steps after `$`.
    public let segments: [Segment]
    /// The path as written.
    public let description: String

    /// Parses a path.
    ///
    /// - Throws: ``JSONPathSyntaxError`` naming the character where the syntax breaks.
    public init(parsing text: String) throws(JSONPathSyntaxError) {
        description = text
        let chars = Array(text)
        func fail(_ at: Int, _ problem: String) -> JSONPathSyntaxError {
            JSONPathSyntaxError(path: text, problem: problem, character: at + 1)
        }
        guard chars.first == "$" else { throw fail(0, "must start with $") }
        var segments: [Segment] = []
        var i = 1
        func name() -> String {
            var result = ""
            while i < chars.count, chars[i] != ".", chars[i] != "[" {
                result.append(chars[i])
                i += 1
            }
            return result
        }
        while i < chars.count {
            if chars[i] == "." {
                if i + 1 < chars.count, chars[i + 1] == "." {
                    i += 2
                    let n = name()
                    guard !n.isEmpty else { throw fail(i, "expected a member name after ..") }
                    segments.append(.descendant(n))
                } else {
                    i += 1
                    let n = name()
                    guard !n.isEmpty else { throw fail(i, "expected a member name after .") }
                    segments.append(n == "*" ? .wildcard : .member(n))
                }
            } else if chars[i] == "[" {
                guard let close = chars[i...].firstIndex(of: "]") else { throw fail(i, "unclosed [") }
                let inner = String(chars[(i + 1)..<close])
                if inner == "*" {
                    segments.append(.wildcard)
                } else if let n = Int(inner), n >= 0 {
                    segments.append(.index(n))
                } else if inner.count >= 2, let q = inner.first, q == "'" || q == "\"", inner.last == q {
                    segments.append(.member(String(inner.dropFirst().dropLast())))
                } else {
                    throw fail(i, "[\(inner)] is not [*], [N] or ['name']")
                }
                i = close + 1
            } else {
                throw fail(i, "expected . or [")
            }
        }
        self.segments = segments
    }
}
