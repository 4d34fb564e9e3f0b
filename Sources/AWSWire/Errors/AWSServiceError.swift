import Foundation
import HTTPTransport
import RawJSON

/// An error answered by an AWS service, decoded by the Smithy awsJson1_1 rules.
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code with any `namespace#` prefix and `:url` suffix removed, e.g. `InvocationDoesNotExist`.
    public let code: String
    /// The message (`message` or `Message`), if the body had one.
    public let message: String?
    /// The HTTP status.
    public let statusCode: Int
    /// The `x-amzn-RequestId` header, if present.
    public let requestID: String?
    /// The operation that failed, e.g. `GetCommandInvocation`.
    public let operation: String?

    /// Creates a service error.
    public init(code: String, message: String?, statusCode: Int, requestID: String?, operation: String?) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.requestID = requestID
        self.operation = operation
    }

    /// One line: `GetCommandInvocation failed with InvocationDoesNotExist (HTTP 400): message [request id …]`.
    public var description: String {
        var text = "\(operation ?? "request") failed with \(code) (HTTP \(statusCode))"
        if let message, !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        return text
    }
}
