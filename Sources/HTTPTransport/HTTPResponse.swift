import Foundation

/// An HTTP response exactly as received: status, header fields in order, body bytes.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, e.g. `200`.
    public var status: Int
    /// Header fields of the final response, in the order received.
    public var headers: HTTPHeaders
    /// The body bytes as received (after any transfer decoding, never content-decoded).
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
