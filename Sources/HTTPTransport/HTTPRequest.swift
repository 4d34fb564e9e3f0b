import Foundation

/// An HTTP request to send through an ``HTTPTransport``.
public struct HTTPRequest: Sendable, Hashable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The absolute URL, e.g. `https://ssm.us-east-1.amazonaws.com/`.
    public var url: String
    /// Header fields in the order they are sent.
    public var headers: HTTPHeaders
    /// The body bytes (empty for none).
    public var body: Data

    public init(method: String = "GET", url: String, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
