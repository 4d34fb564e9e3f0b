/// Something that sends an HTTP request and returns the response: libcurl (``CurlTransport``), or a
/// cassette-backed transport that records or replays one.
///
/// Implementations throw ``TransportError`` for failures below HTTP (DNS, connect, TLS, timeouts); an HTTP
/// error status is a normal response, not an error.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns its response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
