import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

extension LoopbackHTTPServer {
    /// Starts a server on `host:port` (port 0: a free port), runs `body` with it, then stops the server, also
    /// when `body` throws. The listen backlog is 256, enough for many simultaneous connections.
    ///
    /// Stopping is graceful first: the server stops accepting, closes idle connections, and lets the requests
    /// still being answered finish, for at most ``LoopbackServerLimits/shutdownGrace``; then what is left is
    /// cancelled, and a handler that ignores cancellation is left to finish on its own, so stopping never hangs
    /// on one request. (Cancelling a NIO server outright while a connection it accepted is still queued traps
    /// in NIO, "Deinited NIOAsyncWriter without calling finish()": graceful shutdown hands every queued
    /// connection to its handler first.)
    ///
    /// - Parameters:
    ///   - host: the address to bind; loopback unless you have a reason.
    ///   - port: the port to bind, 0 for any free one (read it from ``port``).
    ///   - keepsRequests: whether ``receivedRequests`` keeps every request (tests); a long-running server
    ///     passes `false` so memory does not grow with traffic (``requestCount`` still counts).
    ///   - limits: the largest request body, and how long stopping waits.
    ///   - rejected: called for each request the server refuses itself, without asking `handler`: a body over
    ///     the limit (413) or bytes that are not HTTP/1.1 (400).
    ///   - handler: answers every request.
    ///   - body: runs while the server listens.
    /// - Throws: ``LoopbackServerError`` when the server cannot start (e.g. the port is taken), or what
    ///   `body` throws.
    public static func withServer<R: Sendable>(
        host: String = "127.0.0.1",
        port: Int = 0,
        keepsRequests: Bool = true,
        limits: LoopbackServerLimits = LoopbackServerLimits(),
        rejected: @escaping @Sendable (LoopbackRejection) -> Void = { _ in },
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
                HTTP1Channel(
                    responder: { request, writer, _ in
                        try await LoopbackResponder.respond(
                            to: request,
                            writer: writer,
                            host: host,
                            log: log,
                            maxBodyBytes: limits.maxBodyBytes,
                            rejected: rejected,
                            handler: handler
                        )
                    },
                    configuration: HTTP1Channel.Configuration(
                        additionalChannelHandlers: [MalformedRequestObserver(rejected: rejected)]
                    )
                )
            },
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                serverName: nil,
                backlog: 256
            ),
            onServerRunning: { channel in
                boundPortSink.yield(channel.localAddress?.port ?? port)
                boundPortSink.finish()
            },
            logger: logger
        )
        // No signals: the caller decides when to stop (serve and proxy catch SIGINT/SIGTERM themselves).
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
        // Unstructured, so that stopping can stop waiting for it (see the discussion).
        let running = Task {
            defer { boundPortSink.finish() }
            try await services.run()
        }
        var ports = boundPorts.makeAsyncIterator()
        guard let boundPort = await ports.next() else {
            // The server stopped before listening: surface its error (e.g. address in use).
            do {
                try await running.value
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
        await services.triggerGracefulShutdown()
        await FirstOf.either({ _ = try? await running.value }, { try? await Task.sleep(for: limits.shutdownGrace) })
        running.cancel()
        return try result.get()
    }
}

/// Waits for whichever of two operations finishes first; the other one is cancelled and not waited for.
enum FirstOf {
    static func either(
        _ first: @escaping @Sendable () async -> Void,
        _ second: @escaping @Sendable () async -> Void
    ) async {
        let gate = ResumeOnce()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            gate.set(continuation)
            let tasks = [
                Task {
                    await first()
                    gate.resume()
                },
                Task {
                    await second()
                    gate.resume()
                },
            ]
            gate.onResume { for task in tasks { task.cancel() } }
        }
    }
}

/// Resumes a continuation once, whoever asks first; lock-guarded, hence `@unchecked Sendable`.
final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var resumed = false
    private var cleanup: (@Sendable () -> Void)?

    func set(_ continuation: CheckedContinuation<Void, Never>) { lock.withLock { self.continuation = continuation } }

    /// Runs `action` once resumed (now, when that already happened).
    func onResume(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in
            if resumed { return true }
            cleanup = action
            return false
        }
        if now { action() }
    }

    func resume() {
        let (continuation, cleanup) = lock.withLock {
            () -> (CheckedContinuation<Void, Never>?, (@Sendable () -> Void)?) in
            guard !resumed else { return (nil, nil) }
            resumed = true
            defer {
                self.continuation = nil
                self.cleanup = nil
            }
            return (self.continuation, self.cleanup)
        }
        continuation?.resume()
        cleanup?()
    }
}
