import Cassettes
import Foundation
import HTTPTransport
import LoopbackServer

/// Serves recorded SSM responses over HTTP, so any SDK (AWS CLI, boto3, …) can be pointed at recordings with
/// `--endpoint-url`. Requests are matched exactly as ``CassetteTransport`` matches them (it is built on
/// ``MultiCassetteTransport``): method, path, `X-Amz-Target` and the JSON body, never the signature.
///
/// ```swift
/// let summary = try await ReplayServer.withServer(cassettes: files) { server in
///     try await runSDK(endpoint: server.baseURL)
///     return server.summary
/// }
/// ```
///
/// A request nothing answers gets status 400, `X-Amzn-ErrorType: ReplayMiss` and an awsJson error body whose
/// `message` is the ``CassetteMissError`` line (closest recorded request and what differs), which SDKs show as
/// `An error occurred (ReplayMiss) …`.
public final class ReplayServer: Sendable {
    /// The awsJson error code of a request no cassette answers.
    public static let missErrorType = "ReplayMiss"
    /// The awsJson error code of a request the upstream could not answer (`--record-missing`).
    public static let upstreamErrorType = "ReplayUpstreamFailure"

    /// The bound address.
    public let host: String
    /// The bound port.
    public let port: Int
    /// `http://HOST:PORT`: the `--endpoint-url` for an SDK.
    public let baseURL: String
    /// The cassettes being served, in lookup order.
    public let transport: MultiCassetteTransport
    let counters: ReplayCounters

    init(server: LoopbackHTTPServer, transport: MultiCassetteTransport, counters: ReplayCounters) {
        self.host = server.host
        self.port = server.port
        self.baseURL = server.baseURL
        self.transport = transport
        self.counters = counters
    }

    /// What was served so far: requests, misses, and each cassette's used and unused interactions.
    public var summary: ReplaySummary {
        ReplaySummary(counts: counters.snapshot, cassettes: transport.currentReports, upstream: transport.recorder != nil)
    }

    /// Loads `cassettes`, serves them on `options.host:options.port` while `body` runs, then stops the server
    /// and finishes the cassettes (with ``ReplayServerOptions/upstream``, the first one is written with what
    /// was recorded), also when `body` throws.
    ///
    /// - Throws: ``CassetteError`` for a missing or malformed cassette; ``CassetteConfigurationError`` for
    ///   inconsistent recording options; ``ReplayServerError`` when the address cannot be bound or the upstream
    ///   is unusable; what `body` throws.
    public static func withServer<R: Sendable>(
        cassettes files: [URL],
        options: ReplayServerOptions = ReplayServerOptions(),
        _ body: @Sendable (ReplayServer) async throws -> R
    ) async throws -> R {
        guard let upstream = options.upstream else {
            return try await serve(files, options: options, upstream: nil, body)
        }
        _ = try UpstreamForwarding(upstream)
        return try await CurlTransport.withCurlTransport { curl in
            try await serve(files, options: options, upstream: curl, body)
        }
    }

    static func serve<R: Sendable>(
        _ files: [URL], options: ReplayServerOptions, upstream: (any HTTPTransport)?,
        _ body: @Sendable (ReplayServer) async throws -> R
    ) async throws -> R {
        let cassetteOptions = CassetteOptions(matcher: options.matcher, exhaustion: options.exhaustion, source: options.recordingSource)
        let members = try files.enumerated().map { index, file in
            try CassetteTransport(
                file: file, mode: index == 0 && upstream != nil ? .recordMissing : .replay, upstream: upstream,
                options: cassetteOptions)
        }
        let transport = try MultiCassetteTransport(members)
        let forwarding = try options.upstream.map(UpstreamForwarding.init)
        let counters = ReplayCounters()
        let handler: LoopbackHTTPServer.Handler = { request in
            await answer(request, transport: transport, forwarding: forwarding, counters: counters, log: options.log)
        }
        let started = StartFlag()
        let result: R
        do {
            result = try await LoopbackHTTPServer.withServer(host: options.host, port: options.port, keepsRequests: false, handler: handler) { server in
                started.set()
                return try await body(ReplayServer(server: server, transport: transport, counters: counters))
            }
        } catch let error as LoopbackServerError where !started.isSet {
            _ = try? transport.finish()
            throw ReplayServerError(message: "cannot listen on \(options.host):\(options.port): \(error.message)", cannotListen: true)
        } catch {
            _ = try? transport.finish()
            throw error
        }
        try transport.finish()
        return result
    }

    /// Answers one request: the recorded (or recorded-now) response without hop-by-hop headers, or an awsJson
    /// error for a miss or an upstream failure.
    static func answer(
        _ request: HTTPRequest, transport: MultiCassetteTransport, forwarding: UpstreamForwarding?,
        counters: ReplayCounters, log: @Sendable (String) -> Void
    ) async -> HTTPResponse {
        let outgoing = forwarding?.request(request) ?? request
        do {
            let response = try await transport.send(outgoing)
            counters.answered()
            return ReplayResponses.forClient(response)
        } catch let miss as CassetteMissError {
            let line = ReplayResponses.missLine(miss)
            counters.missed(line)
            log("miss: \(line)")
            return ReplayResponses.error(type: missErrorType, message: ReplayResponses.clientLine(line, file: miss.file, cassettes: transport.cassettes.map(\.file)))
        } catch {
            let line = "upstream \(forwarding?.base ?? "-") failed: \(error)"
            counters.upstreamFailed(line)
            log(line)
            return ReplayResponses.error(type: upstreamErrorType, message: line, status: 502)
        }
    }
}

/// The replay server could not start.
public struct ReplayServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String
    /// Whether the address could not be bound (exit status 4) rather than bad input (2).
    public let cannotListen: Bool

    /// The one-line message.
    public var description: String { message }
}

/// Set once the server listens; lock-guarded, hence `@unchecked Sendable`.
final class StartFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
