/// A child process failed.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// What failed, in one line.
    public let description: String
}
