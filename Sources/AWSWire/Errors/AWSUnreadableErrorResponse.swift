import HTTPTransport

/// A non-2xx response whose body is not an AWS error: an HTML page (a proxy, or a mock server that does not
/// implement the operation: moto answers those with an HTML 500), a truncated or empty body.
///
/// Distinct from ``AWSServiceError`` so callers can tell "the service said no" from "something that is not the
/// service answered".
public struct AWSUnreadableErrorResponse: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that was called, e.g. `ListCommandInvocations`.
    public let operation: String
    /// The HTTP status.
    public let statusCode: Int
    /// Why the body is not an AWS error.
    public let reason: String
    /// The response as received.
    public let response: HTTPResponse

    /// Creates the error.
    public init(operation: String, statusCode: Int, reason: String, response: HTTPResponse) {
        self.operation = operation
        self.statusCode = statusCode
        self.reason = reason
        self.response = response
    }

    /// One line: `ListCommandInvocations failed with HTTP 500 and no AWS error: the body is an HTML page …`.
    public var description: String {
        var text = "\(operation) failed with HTTP \(statusCode) and no AWS error: \(reason)"
        if reason.contains("HTML"), [404, 500, 501].contains(statusCode) {
            text += "; the endpoint may not implement \(operation)"
        }
        return text
    }
}
