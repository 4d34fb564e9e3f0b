/// A loopback server could not start.
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String
    /// Creates an error with a one-line message.
    public init(message: String) { self.message = message }
    /// The one-line message.
    public var description: String { message }
}
