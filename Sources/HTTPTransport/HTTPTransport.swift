/// Something that sends an HTTP request and returns the response: libcurl (`CurlTransport`), or a
/// cassette-backed transport that records or replays one.
///
/// Implementations throw ``TransportError`` for failures below HTTP (DNS, connect, TLS, timeouts); an HTTP
/// error status is a normal response, not an error.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns its response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Whether responses come from a recording rather than the network. Waiters, pollers and retry backoff
    /// skip their delays when this is `true`, so a replayed polling sequence takes no wall time.
    var servesRecordedResponses: Bool { get }
}

extension HTTPTransport {
    /// Network transports serve live responses.
    public var servesRecordedResponses: Bool { false }
}
