import Foundation
import HTTPTransport

/// An ``HTTPTransport`` that replays a cassette, records into one, or both, around another transport.
///
/// ```swift
/// try await CassetteTransport.withCassette(file: url, mode: try .fromEnvironment(), upstream: curl,
///                                         options: .init(source: .live, region: "us-east-1")) { transport in
///     try await client(transport).getCommandInvocation(…)
/// }
/// ```
///
/// Thread-safe: requests may be sent concurrently; each claims the first unused matching interaction under a
/// lock. Recording redacts (and optionally pseudonymises) each interaction before it is kept in memory, so
/// nothing secret is ever written; the response handed back to the caller is the one received, unchanged.
public final class CassetteTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: the mutable `state` is only touched while holding `lock`; every other stored property is
    // immutable and Sendable.
    /// The cassette file.
    public let file: URL
    /// The mode.
    public let mode: RecordMode
    let upstream: (any HTTPTransport)?
    let options: CassetteOptions
    let redactor: Redactor
    let pseudonymiser: Pseudonymiser?
    let fileExisted: Bool
    let lock = NSLock()
    var state: State

    struct State {
        var cassette: Cassette
        var used: [Bool]
        /// The interactions by match key; `nil` when the matcher gives no keys.
        var index: ReplayIndex?
        /// Each interaction's response as sent, made on first use (the body serialized once, not per answer).
        var responses: [HTTPResponse?]
        var replayed = 0
        var recorded = 0
        var passedThrough = 0
    }

    /// Opens the cassette for `mode`.
    ///
    /// - Parameters:
    ///   - upstream: where requests go in `record`, `record-missing` and `live`; may be `nil` in `replay`,
    ///     which never touches the network.
    /// - Throws: ``CassetteError`` for a missing (in `replay`) or malformed cassette;
    ///   ``CassetteConfigurationError`` for a missing upstream or source, a source that differs from the
    ///   cassette's, or bad redaction options.
    public init(file: URL, mode: RecordMode, upstream: (any HTTPTransport)?, options: CassetteOptions = .init()) throws
    {
        self.file = file
        self.mode = mode
        self.upstream = upstream
        self.options = options
        self.redactor = try Redactor(options.redaction)
        if mode.usesNetwork, upstream == nil {
            throw CassetteConfigurationError(
                "\(file.relativePath): mode \(mode.rawValue) sends requests upstream, but no upstream transport was given; pass one (e.g. a CurlTransport) or use mode replay"
            )
        }
        fileExisted = FileManager.default.fileExists(atPath: file.path)
        let opened = try Self.open(file: file, mode: mode, exists: fileExisted, options: options)
        self.pseudonymiser = opened.pseudonymiser
        let count = opened.cassette.interactions.count
        self.state = State(
            cassette: opened.cassette,
            used: Array(repeating: false, count: count),
            index: ReplayIndex(opened.cassette.interactions, matcher: options.matcher),
            responses: Array(repeating: nil, count: count)
        )
    }

    /// Sends `request`: answers it from the cassette, or upstream (recording it), as the mode says.
    /// - Throws: ``CassetteMissError`` when replay has no answer; the upstream's errors otherwise.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch mode {
        case .live:
            let response = try await upstream!.send(request)
            locked { $0.passedThrough += 1 }
            return response
        case .record:
            return try await record(request)
        case .replay:
            return try answer(request, recordingMisses: false)!
        case .recordMissing:
            if let response = try answer(request, recordingMisses: true) { return response }
            return try await record(request)
        }
    }

    /// `true` in `replay`: every response comes from the cassette, so waiters and backoff may skip delays.
    /// (`record-missing` mixes live and replayed answers, so it reports `false`.)
    public var servesRecordedResponses: Bool { mode == .replay }

    /// A copy of the cassette as it stands (redacted, with this session's recordings).
    public var cassette: Cassette { locked { $0.cassette } }

    /// Runs `body` with a transport on `file`, then finishes it (writing the cassette in record modes).
    /// When `body` throws, nothing is written and the previous cassette stays as it was.
    public static func withCassette<R>(
        file: URL,
        mode: RecordMode,
        upstream: (any HTTPTransport)?,
        options: CassetteOptions = .init(),
        _ body: (CassetteTransport) async throws -> R
    ) async throws -> R {
        let transport = try CassetteTransport(file: file, mode: mode, upstream: upstream, options: options)
        let result = try await body(transport)
        _ = try transport.finish()
        return result
    }

    func locked<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
