/// A JSON path that does not parse: where and why.
public struct JSONPathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as written.
    public let path: String
    /// What is wrong, e.g. `unclosed [`.
    public let problem: String
    /// The 1-based position of the character where the syntax breaks.
    public let character: Int

    public var description: String {
        "JSON path \"\(path)\": \(problem) at character \(character); write it like $.CommandInvocations[*].Comment or $..Comment"
    }
}
