import Foundation
import HTTPTransport
import Synchronization

/// Answers with the request body echoed, `X-Amz-Target` reflected.
let echoHandler: @Sendable (HTTPRequest) async throws -> HTTPResponse = { request in
    HTTPResponse(
        status: 200,
        headers: ["Content-Type": "application/x-amz-json-1.1", "X-Echo-Target": request.headers["X-Amz-Target"] ?? "none"],
        body: request.body)
}

/// Where recording tests send requests: a transport, the base URL to address, and a count of requests that
/// reached the server.
struct Upstream: Sendable {
    let transport: any HTTPTransport
    let baseURL: String
    let requestCountSource: @Sendable () -> Int
    var requestCount: Int { requestCountSource() }
}

/// TEMPORARY in-process upstream until the loopback server lands.
final class EchoUpstream: HTTPTransport {
    private let calls = Mutex(0)
    let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

    init(handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse = echoHandler) { self.handler = handler }

    var callCount: Int { calls.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        calls.withLock { $0 += 1 }
        return try await handler(request)
    }
}

/// Runs `body` with an upstream answering through `handler`.
func withUpstream<R: Sendable>(
    handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse = echoHandler,
    _ body: @Sendable (Upstream) async throws -> R
) async throws -> R {
    let echo = EchoUpstream(handler: handler)
    return try await body(Upstream(transport: echo, baseURL: "http://127.0.0.1:9", requestCountSource: { echo.callCount }))
}
