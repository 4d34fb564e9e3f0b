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
        ReplaySummary(
            counts: counters.snapshot,
            cassettes: transport.currentReports,
            upstream: transport.recorder != nil
        )
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
            return try await serve(files, options: options, upstream: nil, forwarding: nil, body)
        }
        let forwarding = try UpstreamForwarding(upstream)
        return try await CurlTransport.withCurlTransport { curl in
            try await serve(files, options: options, upstream: curl, forwarding: forwarding, body)
        }
    }

    /// Serves `files`; with `upstream`, the first one records what the others cannot answer, sent there as
    /// `forwarding` rewrites it.
    static func serve<R: Sendable>(
        _ files: [URL],
        options: ReplayServerOptions,
        upstream: (any HTTPTransport)?,
        forwarding: UpstreamForwarding?,
        _ body: @Sendable (ReplayServer) async throws -> R
    ) async throws -> R {
        let cassetteOptions = CassetteOptions(
            matcher: options.matcher,
            exhaustion: options.exhaustion,
            redaction: options.redaction,
            source: options.recordingSource,
            region: options.recordingRegion
        )
        let members = try files.enumerated().map { index, file in
            try CassetteTransport(
                file: file,
                mode: index == 0 && upstream != nil ? .recordMissing : .replay,
                upstream: upstream,
                options: cassetteOptions
            )
        }
        let transport = try MultiCassetteTransport(members)
        let counters = ReplayCounters()
        let faults = options.faults.flatMap { $0.isEmpty ? nil : FaultInjector($0) }
        let handler: LoopbackHTTPServer.Handler = { request in
            try await answer(
                request,
                transport: transport,
                forwarding: forwarding,
                counters: counters,
                faults: faults,
                options: options
            )
        }
        let started = StartFlag()
        let result: R
        do {
            let limits = LoopbackServerLimits(maxBodyBytes: options.maxBodyBytes)
            result = try await LoopbackHTTPServer.withServer(
                host: options.host,
                port: options.port,
                keepsRequests: false,
                limits: limits,
                handler: handler
            ) { server in
                started.set()
                return try await body(ReplayServer(server: server, transport: transport, counters: counters))
            }
        } catch let error as LoopbackServerError where !started.isSet {
            _ = try? transport.finish()
            throw ReplayServerError(
                message: "cannot listen on \(options.host):\(options.port): \(error.message)",
                cannotListen: true
            )
        } catch {
            _ = try? transport.finish()
            throw error
        }
        try transport.finish()
        return result
    }

    /// Answers one request: the recorded (or recorded-now) response without hop-by-hop headers, or an awsJson
    /// error for a miss or an upstream failure; with faults and pacing as `options` say.
    static func answer(
        _ request: HTTPRequest,
        transport: MultiCassetteTransport,
        forwarding: UpstreamForwarding?,
        counters: ReplayCounters,
        faults: FaultInjector?,
        options: ReplayServerOptions
    ) async throws -> HTTPResponse {
        let decision = faults?.decide(operation: operation(of: request)) ?? FaultInjector.Decision()
        if let delay = decision.delay {
            counters.injected(.latency)
            try await Task.sleep(for: delay)  // cancelled when the server stops
        }
        if let fault = decision.fault, fault != .truncate {
            counters.injected(fault)
            return try FaultInjector.replacement(for: fault)
        }
        let outgoing = forwarding?.request(request) ?? request
        let answer: ReplayAnswer
        do {
            answer = try await transport.answer(outgoing)
            counters.answered()
        } catch let miss as CassetteMissError {
            let line = ReplayResponses.missLine(miss)
            let files = transport.cassettes.map(\.file)
            // The server's own output names the cassette as it was given; the client's never holds local paths.
            let given = ReplayResponses.givenLine(line, file: miss.file, cassettes: files)
            counters.missed(given)
            options.log("miss: \(given)")
            return ReplayResponses.error(
                type: missErrorType,
                message: ReplayResponses.clientLine(line, file: miss.file, cassettes: files)
            )
        } catch {
            let line = "upstream \(forwarding?.base ?? "-") failed: \(error)"
            counters.upstreamFailed(line)
            options.log(line)
            return ReplayResponses.error(type: upstreamErrorType, message: line, status: 502)
        }
        if let delay = options.pace.delay(recorded: answer.recordedDuration) { try await Task.sleep(for: delay) }
        let response = ReplayResponses.forClient(answer.response)
        if decision.fault == .truncate {
            counters.injected(.truncate)
            try FaultInjector.truncate(response)
        }
        return response
    }

    /// The awsJson1_1 operation a request calls (`GetCommandInvocation` from `AmazonSSM.GetCommandInvocation`).
    static func operation(of request: HTTPRequest) -> String? {
        guard let target = request.headers["X-Amz-Target"] else { return nil }
        return target.split(separator: ".").last.map(String.init)
    }
}

/// Set once the server listens; lock-guarded, hence `@unchecked Sendable`.
final class StartFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
