/// A 2xx response that cannot be read as the operation's output: not a JSON object, or a member of the wrong
/// type.
public struct AWSMalformedResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that was called.
    public let operation: String
    /// The HTTP status.
    public let statusCode: Int
    /// What is wrong, naming the member where known (e.g. `CommandInvocations[0].ResponseCode: expected a number`).
    public let reason: String

    /// Creates the error.
    public init(operation: String, statusCode: Int, reason: String) {
        self.operation = operation
        self.statusCode = statusCode
        self.reason = reason
    }

    public var description: String { "\(operation) answered HTTP \(statusCode) with an unreadable body: \(reason)" }
}
