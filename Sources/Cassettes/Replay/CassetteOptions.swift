import Foundation

/// How a ``CassetteTransport`` matches, redacts and labels its cassette.
public struct CassetteOptions: Sendable {
    /// Decides which recorded interaction answers a request. Default: ``AWSJSONRequestMatcher``.
    public var matcher: any RequestMatcher
    /// What to do once a request's recorded answers are used up. Default: ``ExhaustionPolicy/repeatLast``.
    public var exhaustion: ExhaustionPolicy
    /// Whether ``CassetteTransport/finish()`` throws when recorded interactions were never used.
    public var failsOnUnusedInteractions: Bool
    /// What to remove before anything is written (built-in rules always apply).
    public var redaction: RedactionOptions
    /// Pseudonyms for identifiers in new recordings; `nil` keeps identifiers as received.
    public var pseudonymisation: PseudonymisationOptions?
    /// Where the recorded responses come from. Required to record a new cassette; `record-missing` on an
    /// existing cassette uses the cassette's source and refuses a different one.
    public var source: CassetteSource?
    /// The region written into a new cassette's header.
    public var region: String?
    /// The description written into a new cassette's header.
    public var description: String?
    /// The clock for `startedAt` and `recordedAt` (durations use a monotonic clock).
    public var clock: @Sendable () -> Date

    public init(
        matcher: any RequestMatcher = AWSJSONRequestMatcher(),
        exhaustion: ExhaustionPolicy = .repeatLast,
        failsOnUnusedInteractions: Bool = false,
        redaction: RedactionOptions = RedactionOptions(),
        pseudonymisation: PseudonymisationOptions? = nil,
        source: CassetteSource? = nil,
        region: String? = nil,
        description: String? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.matcher = matcher
        self.exhaustion = exhaustion
        self.failsOnUnusedInteractions = failsOnUnusedInteractions
        self.redaction = redaction
        self.pseudonymisation = pseudonymisation
        self.source = source
        self.region = region
        self.description = description
        self.clock = clock
    }
}
