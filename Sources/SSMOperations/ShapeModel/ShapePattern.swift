import Foundation

/// A model pattern (Java regular-expression syntax, as AWS's services evaluate it) compiled for ICU's
/// `NSRegularExpression`.
///
/// Java and ICU agree on almost all syntax the SSM model uses (classes, lookahead, back-references, `\p{L}`), but
/// Java's `\d`, `\w`, `\s` and the POSIX classes `\p{Alpha}`... are ASCII-only while ICU's are Unicode-aware, so those
/// are rewritten to explicit ASCII sets. Matching is a search, not a whole-string match: Smithy patterns are not
/// implicitly anchored (the model anchors with `^`/`$` where it means to).
public struct ShapePattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented as safe to use from many threads.

    /// The pattern as written in the model.
    public let source: String
    /// The pattern handed to ICU.
    public let translated: String
    private let regex: NSRegularExpression

    /// Compiles a model pattern; throws ``SSMModelError`` naming the pattern when ICU cannot compile it.
    public init(_ source: String) throws(SSMModelError) {
        self.source = source
        self.translated = Self.translate(source)
        do {
            regex = try NSRegularExpression(pattern: translated)
        } catch {
            throw SSMModelError(
                "pattern \(source) cannot be compiled (as \(translated)): \(error.localizedDescription)"
            )
        }
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let asciiClasses: [Character: (inside: String, outside: String)] = [
        "d": ("0-9", "[0-9]"), "D": ("", "[^0-9]"),
        "w": ("a-zA-Z0-9_", "[a-zA-Z0-9_]"), "W": ("", "[^a-zA-Z0-9_]"),
        "s": (" \\t\\n\\x{0B}\\f\\r", "[ \\t\\n\\x{0B}\\f\\r]"), "S": ("", "[^ \\t\\n\\x{0B}\\f\\r]"),
    ]
    private static let posixClasses: [String: String] = [
        "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x{00}-\\x{7F}", "Alpha": "a-zA-Z", "Digit": "0-9",
        "Alnum": "a-zA-Z0-9", "Punct": "!-/:-@\\[-`{-~", "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x{0B}\\f\\r",
    ]

    /// Rewrites Java's ASCII-only shorthand classes for ICU; everything else passes through unchanged.
    public static func translate(_ java: String) -> String {
        var out = ""
        var chars = Array(java)[...]
        var classDepth = 0
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.popFirst() {
                if let ascii = asciiClasses[next] {
                    // Negated shorthands inside a class use ICU's nested-set syntax.
                    if classDepth > 0 {
                        out += ascii.inside.isEmpty ? "[\(ascii.outside.dropFirst().dropLast())]" : ascii.inside
                    } else {
                        out += ascii.outside
                    }
                } else if next == "p" || next == "P", chars.first == "{",
                    let close = chars.firstIndex(of: "}"),
                    let posix = posixClasses[String(chars[chars.index(after: chars.startIndex)..<close])]
                {
                    chars = chars[chars.index(after: close)...]
                    let set = next == "p" ? posix : "^" + posix
                    out += classDepth > 0 && next == "p" ? posix : "[\(set)]"
                } else {
                    out.append(c)
                    out.append(next)
                }
                continue
            }
            if c == "[" { classDepth += 1 } else if c == "]", classDepth > 0 { classDepth -= 1 }
            out.append(c)
        }
        return out
    }
}
