/// A socket call failed while preparing a test port.
public struct SocketError: Error, CustomStringConvertible {
    /// What failed, in one line.
    public let description: String
    /// Creates an error with a one-line description.
    public init(_ description: String) { self.description = description }
}
