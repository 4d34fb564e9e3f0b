import Foundation
import HTTPTransport

/// A real HTTP/1.1 server on a loopback port, on Hummingbird: the scriptable server of the tests, and the base
/// of the replay server and of `check-cli`'s request-counting endpoint.
///
/// Each request is recorded (``receivedRequests``) and answered by the handler. The response goes out exactly
/// as the handler gives it: status, header fields in order and spelling, body bytes; the server adds only
/// `Content-Length` when the handler did not set one. A handler that throws produces a `500` with a plain-text
/// body naming the error.
///
/// ```swift
/// try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200, body: Data("ok".utf8)) }) { server in
///     let response = try await transport.send(HTTPRequest(url: server.baseURL + "/ping"))
/// }
/// ```
public struct LoopbackHTTPServer: Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// The address the server is bound to, e.g. `127.0.0.1`.
    public let host: String
    /// The bound port (the real one when `0` was asked for).
    public let port: Int
    let log: RequestLog

    /// `http://HOST:PORT` (IPv6 hosts in brackets), without a trailing slash.
    public var baseURL: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// Every request received so far, in arrival order. `url` is ``baseURL`` + the request target
    /// (`path?query`), or the target itself when a client sent an absolute URL (as clients do to a proxy).
    /// Empty when the server was started with `keepsRequests: false` (long-running servers).
    public var receivedRequests: [HTTPRequest] { log.requests }

    /// How many requests arrived so far.
    public var requestCount: Int { log.count }
}

/// The requests a server received, shared between its connections; guarded by a lock, hence
/// `@unchecked Sendable`.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private let keepsRequests: Bool
    private var storage: [HTTPRequest] = []
    private var received = 0

    init(keepsRequests: Bool) { self.keepsRequests = keepsRequests }

    func append(_ request: HTTPRequest) {
        lock.lock()
        defer { lock.unlock() }
        received += 1
        if keepsRequests { storage.append(request) }
    }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
}

/// The transport's request and response types under names that do not clash with Hummingbird's
/// `HTTPRequest`/`HTTPResponse` (from swift-http-types) in files that import both.
typealias TransportRequest = HTTPRequest
typealias TransportResponse = HTTPResponse
typealias TransportHeaders = HTTPHeaders
