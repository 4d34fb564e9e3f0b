/// The libcurl-backed ``HTTPTransport``: every outbound request of ssm-contract goes through it.
///
/// One libcurl multi handle, driven by one dedicated OS thread, carries all requests: `send(_:)` never blocks
/// a Swift concurrency thread, connections are kept alive and reused across requests to the same host, and
/// up to ``Configuration/maxConnectionsPerHost`` requests per host run at once (more wait for a connection).
///
/// Guarantees: TLS peer and host-name verification are always on; only `http`/`https`; redirects are never
/// followed; bodies come back exactly as received (no content decoding is requested); the response carries
/// the status and header fields of the final response (after any `100 Continue`) in the order and spelling
/// received. Failures below HTTP throw ``TransportError`` with a distinct ``TransportError/Code``, libcurl's
/// message and its `CURLcode`; HTTP error statuses are normal responses.
///
/// Cancelling the calling task removes the transfer on the curl thread and throws ``TransportError`` with
/// code ``TransportError/Code/cancelled`` (not `CancellationError`), so callers see one error type.
///
/// Prefer the scoped ``withCurlTransport(configuration:_:)``; if you create one with ``init(configuration:)``,
/// call ``shutdown()`` before the process exits.
public final class CurlTransport: HTTPTransport {
    /// Counters for tests and benchmarks.
    public struct Statistics: Sendable, Hashable {
        /// Requests handed to libcurl (each one added to the multi handle).
        public var requestsSent = 0
        /// New connections libcurl opened for them (`CURLINFO_NUM_CONNECTS` summed); fewer than
        /// ``requestsSent`` means connections were reused.
        public var connectionsOpened = 0

        /// Creates zeroed statistics.
        public init() {}
    }

    /// The configuration this transport was created with.
    public let configuration: Configuration
    private let loop: CurlMultiLoop

    /// Creates a transport and starts its curl thread.
    /// - Throws: ``TransportError`` when libcurl cannot be initialised.
    public init(configuration: Configuration = .default) throws {
        self.configuration = configuration
        self.loop = try CurlMultiLoop(configuration: configuration)
    }

    deinit { loop.requestStop() }

    /// Runs `body` with a new transport and shuts it down afterwards, whether `body` returns or throws.
    public static func withCurlTransport<R>(
        configuration: Configuration = .default,
        _ body: (CurlTransport) async throws -> R
    ) async throws -> R {
        let transport = try CurlTransport(configuration: configuration)
        do {
            let result = try await body(transport)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// Sends a request with the configured total timeout.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await send(request, timeout: nil)
    }

    /// Sends a request.
    /// - Parameters:
    ///   - request: the request; its URL must be absolute `http://` or `https://`.
    ///   - timeout: the total timeout for this request, or `nil` for ``Configuration/timeout``.
    /// - Returns: the final response, exactly as received.
    /// - Throws: ``TransportError`` (code `.cancelled` when the task is cancelled, `.shutdown` after ``shutdown()``).
    public func send(_ request: HTTPRequest, timeout: Duration?) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request: request, configuration: configuration, timeout: timeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Request and connection counters so far.
    public var statistics: Statistics { loop.statistics }

    /// Fails pending and in-flight requests with `.shutdown`, frees every libcurl handle and stops the curl
    /// thread; returns once the thread has finished. Later calls return at once; later requests fail with
    /// `.shutdown`.
    public func shutdown() async {
        await loop.shutdown()
    }
}
