import HTTPTransport
import RawJSON

/// A successful awsJson1_1 response: the parsed body exactly as sent, and the HTTP exchange.
public struct AWSJSONResponse: Sendable, Hashable {
    /// The operation, e.g. `GetCommandInvocation`.
    public let operation: String
    /// The body as parsed (member order and number literals kept); `{}` for an empty body.
    public let raw: JSONValue
    /// The final HTTP response.
    public let http: HTTPResponse
    /// How many attempts the call took (1 when it was not retried).
    public let attempts: Int

    /// Creates a response.
    public init(operation: String, raw: JSONValue, http: HTTPResponse, attempts: Int) {
        self.operation = operation
        self.raw = raw
        self.http = http
        self.attempts = attempts
    }
}
