import Foundation
import Hummingbird
import HummingbirdCore
import Logging

extension LoopbackHTTPServer {
    /// Starts a server on `host:port` (port 0: a free port), runs `body` with it, then stops the server, also
    /// when `body` throws. The listen backlog is 256, enough for many simultaneous connections.
    ///
    /// - Parameters:
    ///   - host: the address to bind; loopback unless you have a reason.
    ///   - port: the port to bind, 0 for any free one (read it from ``port``).
    ///   - keepsRequests: whether ``receivedRequests`` keeps every request (tests); a long-running server
    ///     passes `false` so memory does not grow with traffic (``requestCount`` still counts).
    ///   - handler: answers every request.
    ///   - body: runs while the server listens.
    /// - Throws: ``LoopbackServerError`` when the server cannot start (e.g. the port is taken), or what
    ///   `body` throws.
    public static func withServer<R: Sendable>(
        host: String = "127.0.0.1",
        port: Int = 0,
        keepsRequests: Bool = true,
        handler: @escaping Handler,
        _ body: @Sendable (LoopbackHTTPServer) async throws -> R
    ) async throws -> R {
        let log = RequestLog(keepsRequests: keepsRequests)
        let (boundPorts, boundPortSink) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "ssm-contract.loopback-server")
        logger.logLevel = .critical  // shutdown cancels idle keep-alive connections; not worth a log line
        let app = Application(
            router: Router(),
            server: HTTPServerBuilder { _ in
                HTTP1Channel(responder: { request, writer, _ in
                    try await LoopbackResponder.respond(to: request, writer: writer, host: host, log: log, handler: handler)
                })
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil, backlog: 256),
            onServerRunning: { channel in
                boundPortSink.yield(channel.localAddress?.port ?? port)
                boundPortSink.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { boundPortSink.finish() }
                try await app.run()
            }
            var ports = boundPorts.makeAsyncIterator()
            guard let boundPort = await ports.next() else {
                // The server stopped before listening: surface its error (e.g. address in use).
                do {
                    try await group.waitForAll()
                } catch {
                    throw LoopbackServerError(message: "could not start an HTTP server on \(host):\(port): \(error)")
                }
                throw LoopbackServerError(message: "the HTTP server on \(host):\(port) stopped before it listened")
            }
            let server = LoopbackHTTPServer(host: host, port: boundPort, log: log)
            let result: Result<R, any Error>
            do {
                result = .success(try await body(server))
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            while let _ = try? await group.next() {}
            return try result.get()
        }
    }
}
