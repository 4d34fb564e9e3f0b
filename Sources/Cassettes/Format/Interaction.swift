import Foundation
import HTTPTransport
import RawJSON

/// A request as stored in a cassette.
public struct RecordedRequest: Sendable, Hashable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The absolute URL as sent (after redaction).
    public var url: String
    /// Header fields in order, names spelled as on the wire, duplicates kept.
    public var headers: HTTPHeaders
    /// The body in its storage form (see ``RecordedBody``).
    public var body: RecordedBody

    /// Creates a value from its parts.
    public init(method: String, url: String, headers: HTTPHeaders, body: RecordedBody) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Captures a request about to be sent.
    public init(_ request: HTTPRequest) {
        self.init(
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: RecordedBody(capturing: request.body)
        )
    }

    /// The request to send again.
    public var httpRequest: HTTPRequest {
        HTTPRequest(method: method, url: url, headers: headers, body: body.data)
    }
}

/// A response as stored in a cassette.
public struct RecordedResponse: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// Header fields in order, names spelled as on the wire, duplicates kept.
    public var headers: HTTPHeaders
    /// The body in its storage form (see ``RecordedBody``).
    public var body: RecordedBody

    /// Creates a value from its parts.
    public init(status: Int, headers: HTTPHeaders, body: RecordedBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Captures a received response.
    public init(_ response: HTTPResponse) {
        self.init(status: response.status, headers: response.headers, body: RecordedBody(capturing: response.body))
    }

    /// The response to replay, byte for byte.
    public var httpResponse: HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body.data)
    }
}

/// One request and its response, with when it started and how long it took.
public struct Interaction: Sendable, Hashable {
    /// The request as sent (after redaction and pseudonymisation).
    public var request: RecordedRequest
    /// The response as received (after redaction and pseudonymisation).
    public var response: RecordedResponse
    /// When the request was sent, ISO-8601 UTC with milliseconds (`2026-11-21T07:40:00.123Z`).
    public var startedAt: String
    /// Seconds from sending the request to receiving the whole response.
    public var duration: Double

    /// Creates a value from its parts.
    public init(request: RecordedRequest, response: RecordedResponse, startedAt: String, duration: Double) {
        self.request = request
        self.response = response
        self.startedAt = startedAt
        self.duration = duration
    }

    /// The awsJson1_1 operation from `X-Amz-Target` (`AmazonSSM.GetCommandInvocation` gives
    /// `GetCommandInvocation`), or `nil` when the request has no target.
    public var operation: String? {
        guard var target = request.headers["X-Amz-Target"] else { return nil }
        return target.withUTF8(Self.operation(target:))
    }

    /// The operation an `X-Amz-Target` value names: what follows its last dot (the whole value without one).
    static func operation(target: UnsafeBufferPointer<UInt8>) -> String {
        let name = target.lastIndex(of: UInt8(ascii: ".")).map { target[($0 + 1)...] } ?? target[...]
        return String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self)
    }
}
