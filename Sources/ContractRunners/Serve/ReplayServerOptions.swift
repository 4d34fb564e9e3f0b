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
    /// What recording removes besides the built-in rules (the proxy adds its own credentials' values).
    public var redaction: RedactionOptions
    /// The region written into the header of a cassette created by recording.
    public var recordingRegion: String?
    /// The largest request body accepted; larger ones are answered `413`. Default
    /// ``defaultMaxBodyBytes`` (4 MiB), far above any SSM request.
    public var maxBodyBytes: Int
    /// Faults to inject into the answers (`--fault`); `nil` or an empty plan: none.
    public var faults: FaultPlan?
    /// How fast to answer (`--pace`). Default ``ReplayPace/none``.
    public var pace: ReplayPace
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
        redaction: RedactionOptions = RedactionOptions(),
        recordingRegion: String? = nil,
        maxBodyBytes: Int = ReplayServerOptions.defaultMaxBodyBytes,
        faults: FaultPlan? = nil,
        pace: ReplayPace = .none,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.exhaustion = exhaustion
        self.matcher = matcher
        self.upstream = upstream
        self.recordingSource = recordingSource
        self.redaction = redaction
        self.recordingRegion = recordingRegion
        self.maxBodyBytes = maxBodyBytes
        self.faults = faults
        self.pace = pace
        self.log = log
    }

    /// The default request body limit: 4 MiB.
    public static let defaultMaxBodyBytes = 4 << 20
}
