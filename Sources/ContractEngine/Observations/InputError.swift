/// An input file that cannot be judged: the file and what is wrong with it, in one line.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (`-` for standard input).
    public let file: String
    /// What is wrong and what to do.
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
