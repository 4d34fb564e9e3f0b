import Foundation
import RawJSON

/// A custom redaction: a regular-expression replacement on text, or a JSON-path replacement in JSON bodies.
public struct RedactionRule: Sendable, Hashable, CustomStringConvertible {
    /// Which side of an interaction a rule applies to.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case request, response, both

        func includes(_ side: Side) -> Bool { self == .both || rawValue == side.rawValue }
    }

    enum Side: String { case request, response }

    enum Action: Sendable, Hashable {
        case regex(CompiledRegex, template: String)
        case jsonPath(JSONPath, replacement: JSONValue)
    }

    let action: Action
    /// Where the rule applies.
    public let scope: Scope

    /// Replaces every match of `pattern` (ICU syntax) in URLs, header values, JSON string values and text
    /// bodies with `replacement` (a template: `$1` inserts a captured group).
    public static func regex(
        _ pattern: String,
        replacement: String,
        in scope: Scope = .both
    ) throws(CassetteConfigurationError) -> RedactionRule {
        RedactionRule(action: .regex(try CompiledRegex(pattern), template: replacement), scope: scope)
    }

    /// Replaces every node `path` selects in a JSON body (e.g. `$.CommandInvocations[*].Comment`) with
    /// `replacement`. A text body that is JSON but not compact is parsed, and written compactly if changed.
    public static func jsonPath(
        _ path: String,
        replacement: JSONValue = "<redacted>",
        in scope: Scope = .both
    ) throws(CassetteConfigurationError) -> RedactionRule {
        RedactionRule(action: .jsonPath(try JSONPath(path), replacement: replacement), scope: scope)
    }

    public var description: String {
        switch action {
        case .regex(let regex, let template): "regex \(regex.pattern) → \(template) in \(scope.rawValue)"
        case .jsonPath(let path, let replacement):
            "jsonPath \(path) → \(JSONWriter.string(replacement)) in \(scope.rawValue)"
        }
    }
}

/// A compiled regular expression, compared by its pattern.
struct CompiledRegex: Hashable, @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented as safe to use from many threads.
    let pattern: String
    let expression: NSRegularExpression

    init(_ pattern: String, options: NSRegularExpression.Options = []) throws(CassetteConfigurationError) {
        self.pattern = pattern
        do {
            expression = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw CassetteConfigurationError(
                "redaction regex \"\(pattern)\" does not compile (\(error.localizedDescription)); fix its syntax (ICU regular expressions)"
            )
        }
    }

    static func == (a: Self, b: Self) -> Bool { a.pattern == b.pattern }
    func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// `text` with every match replaced by `template` (`$1` inserts a group).
    func replacing(in text: String, with template: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        guard expression.firstMatch(in: text, range: range) != nil else { return text }
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
}
