import Foundation
import HTTPTransport
import LoopbackServer

/// Answers with the request body echoed and `X-Amz-Target` reflected.
let echoHandler: LoopbackHTTPServer.Handler = { request in
    HTTPResponse(
        status: 200,
        headers: [
            "Content-Type": "application/x-amz-json-1.1", "X-Echo-Target": request.headers["X-Amz-Target"] ?? "none",
        ],
        body: request.body
    )
}

/// Where recording tests send requests: the real libcurl transport, the real loopback server's base URL, and
/// how many requests reached that server.
struct Upstream: Sendable {
    let transport: CurlTransport
    let server: LoopbackHTTPServer
    var baseURL: String { server.baseURL }
    var requestCount: Int { server.requestCount }
}

/// Runs `body` with a loopback HTTP server answering through `handler` and a `CurlTransport` to reach it.
func withUpstream<R: Sendable>(
    handler: @escaping LoopbackHTTPServer.Handler = echoHandler,
    _ body: @Sendable (Upstream) async throws -> R
) async throws -> R {
    try await LoopbackHTTPServer.withServer(handler: handler) { server in
        try await CurlTransport.withCurlTransport { curl in
            try await body(Upstream(transport: curl, server: server))
        }
    }
}

/// A real transport for tests where the cassette transport refuses to start and so never sends anything;
/// one instance for the whole test process.
let idleCurlTransport: CurlTransport = {
    do { return try CurlTransport() } catch { fatalError("libcurl could not be initialised: \(error)") }
}()
