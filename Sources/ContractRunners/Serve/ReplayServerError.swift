/// The replay server could not start.
public struct ReplayServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String
    /// Whether the address could not be bound (exit status 4) rather than bad input (2).
    public let cannotListen: Bool

    /// The one-line message.
    public var description: String { message }
}
