import Cassettes
import Foundation

/// How a ``ReplayServer`` listens, matches and what it does with a request no cassette answers.
public struct ReplayServerOptions: Sendable {
    /// The address to bind. Default `127.0.0.1`; anything else exposes the recordings to the network.
    public var host: String
    /// The port, `0` for any free one (read the real one from ``ReplayServer/port``).
    public var port: Int
    /// What a poll beyond the recorded answers gets. Default ``ExhaustionPolicy/repeatLast``.
    public var exhaustion: ExhaustionPolicy
    /// Decides which recorded interaction answers a request; the same default as ``CassetteTransport``.
    public var matcher: any RequestMatcher
    /// When set, requests no cassette answers are forwarded to this URL (`http(s)://host[:port][/base]`) and
    /// recorded into the first cassette (`record-missing`), instead of answering a ``ReplayServer/missErrorType``.
    public var upstream: String?
    /// The source written into the first cassette when ``upstream`` creates it (it does not exist yet).
    public var recordingSource: CassetteSource?
    /// Called with one line per miss (and per failed upstream request), as it happens. The CLI writes them
    /// to standard error.
    public var log: @Sendable (String) -> Void

    /// Creates options; every parameter has the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        exhaustion: ExhaustionPolicy = .repeatLast,
        matcher: any RequestMatcher = AWSJSONRequestMatcher(),
        upstream: String? = nil,
        recordingSource: CassetteSource? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.exhaustion = exhaustion
        self.matcher = matcher
        self.upstream = upstream
        self.recordingSource = recordingSource
        self.log = log
    }
}
