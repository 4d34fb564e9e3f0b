/// An error a runner reports to the user as one line, with the exit status it maps to.
public struct RunnerError: Error, Sendable, CustomStringConvertible {
    /// The line to print (it names the file or field and says what to do).
    public let message: String
    /// The exit status.
    public let status: ExitStatus

    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
