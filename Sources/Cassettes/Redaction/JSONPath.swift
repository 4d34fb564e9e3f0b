import RawJSON

/// A JSON path in the subset redaction rules use: `$`, `.name`, `['name']`, `[N]`, `[*]` / `.*`, and `..name`
/// (the member `name` at any depth). Example: `$.CommandInvocations[*].Comment`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case member(String)
        case index(Int)
        case wildcard
        case descendant(String)
    }

    let segments: [Segment]
    /// The path as written.
    public let description: String

    /// Parses a path; throws a ``CassetteConfigurationError`` naming the position of a syntax error.
    public init(_ text: String) throws(CassetteConfigurationError) {
        description = text
        let chars = Array(text)
        func fail(_ at: Int, _ problem: String) -> CassetteConfigurationError {
            CassetteConfigurationError("JSON path \"\(text)\": \(problem) at character \(at + 1); write it like $.CommandInvocations[*].Comment or $..Comment")
        }
        guard chars.first == "$" else { throw fail(0, "must start with $") }
        var segments: [Segment] = []
        var i = 1
        func name() -> String {
            var result = ""
            while i < chars.count, chars[i] != ".", chars[i] != "[" { result.append(chars[i]); i += 1 }
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

    /// The value with every node the path selects replaced by `replacement`, and how many were replaced.
    func replacing(in value: JSONValue, with replacement: JSONValue) -> (JSONValue, Int) {
        var count = 0
        let result = apply(value, segments[...], replacement, &count)
        return (result, count)
    }

    private func apply(_ value: JSONValue, _ rest: ArraySlice<Segment>, _ replacement: JSONValue, _ count: inout Int) -> JSONValue {
        guard let segment = rest.first else {
            count += 1
            return replacement
        }
        let next = rest.dropFirst()
        switch (segment, value) {
        case (.member(let key), .object(let object)):
            return .object(JSONObject(object.members.map {
                $0.key == key ? JSONMember(key: key, value: apply($0.value, next, replacement, &count)) : $0
            }))
        case (.index(let n), .array(var elements)) where n < elements.count:
            elements[n] = apply(elements[n], next, replacement, &count)
            return .array(elements)
        case (.wildcard, .array(let elements)):
            return .array(elements.map { apply($0, next, replacement, &count) })
        case (.wildcard, .object(let object)):
            return .object(JSONObject(object.members.map { JSONMember(key: $0.key, value: apply($0.value, next, replacement, &count)) }))
        case (.descendant(let key), .object(let object)):
            return .object(JSONObject(object.members.map {
                let deeper = apply($0.value, rest, replacement, &count)
                return $0.key == key ? JSONMember(key: key, value: apply(deeper, next, replacement, &count)) : JSONMember(key: $0.key, value: deeper)
            }))
        case (.descendant, .array(let elements)):
            return .array(elements.map { apply($0, rest, replacement, &count) })
        default:
            return value
        }
    }
}
