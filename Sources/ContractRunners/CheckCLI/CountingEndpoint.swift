import HTTPTransport
import LoopbackServer

/// A local HTTP endpoint (``LoopbackHTTPServer`` on 127.0.0.1, a free port) that records every request it receives,
/// so that check-cli can prove which CLI runs sent none.
package struct CountingEndpoint: Sendable {
    /// The base URL to hand to `--endpoint-url`.
    package let url: String
    /// Every request received so far, in order.
    package let requests: @Sendable () async -> [HTTPRequest]

    /// Starts an endpoint answering with `handler`, runs `body`, and stops it.
    package static func with<T: Sendable>(
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse,
        _ body: @escaping @Sendable (CountingEndpoint) async throws -> T
    ) async throws -> T {
        try await LoopbackHTTPServer.withServer(
            host: "127.0.0.1",
            port: 0,
            handler: { request in
                handler(request)
            }
        ) { server in
            try await body(CountingEndpoint(url: server.baseURL, requests: { server.receivedRequests }))
        }
    }
}
