/// A contract or deviation file that cannot be used, or a selection that names no contract: the file, the line
/// and what to do.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `--only`/`--skip` for a selection problem).
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// What is wrong and what to do.
    public let problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// One line: `FILE:LINE: PROBLEM`.
    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}
