import HTTPTransport

/// Decides whether a live request is the same request as a recorded one, and says what differs when not.
///
/// A matcher returns the differences between the two; an empty list is a match. The differences are what a
/// replay miss shows, so name each one by where it is (`X-Amz-Target`, `body.CommandId`).
public protocol RequestMatcher: Sendable {
    /// What differs between `request` (already redacted and pseudonymised like the recording) and `recorded`.
    func differences(between request: RecordedRequest, and recorded: RecordedRequest) -> [RequestDifference]

    /// Whether the requests match; must agree with ``differences(between:and:)`` being empty. Replay calls this
    /// for every recorded interaction, so a matcher may answer faster here.
    func matches(_ request: RecordedRequest, _ recorded: RecordedRequest) -> Bool

    /// A key equal for two requests exactly when ``matches(_:_:)`` says they match, or `nil` (the default) when
    /// the matcher has none. With keys, replay finds a request's recorded answers by one lookup; without, it
    /// compares the request with every recorded one.
    func matchKey(_ request: RecordedRequest) -> RequestMatchKey?

    /// The header fields the matcher reads (case-insensitive names), or `nil` (the default) when it may read
    /// any. Replay sanitizes only these (and `X-Amz-Target`, which miss reports show) before matching a live
    /// request: redacting `Authorization` and the other headers no comparison looks at would be wasted work
    /// on every request.
    var comparedHeaders: [String]? { get }
}

extension RequestMatcher {
    /// By default: no differences.
    public func matches(_ request: RecordedRequest, _ recorded: RecordedRequest) -> Bool {
        differences(between: request, and: recorded).isEmpty
    }

    /// By default: no key (replay compares with every recorded request).
    public func matchKey(_ request: RecordedRequest) -> RequestMatchKey? { nil }

    /// By default: any header may be read.
    public var comparedHeaders: [String]? { nil }
}

/// One way a request differs from a recorded one: `field: value ≠ recorded value`.
public struct RequestDifference: Sendable, Hashable, CustomStringConvertible {
    /// Where: `method`, `path`, `query`, `X-Amz-Target`, `body`, or a JSON path such as `body.Filters[0].Key`.
    public var field: String
    /// The live request's value, shortened for display (`missing` when absent).
    public var actual: String
    /// The recorded value, shortened for display (`missing` when absent).
    public var recorded: String

    public init(field: String, actual: String, recorded: String) {
        self.field = field
        self.actual = actual
        self.recorded = recorded
    }

    /// `field: actual ≠ recorded recorded`.
    public var description: String { "\(field): \(actual) ≠ recorded \(recorded)" }
}

/// A matcher made from a closure, for one-off rules in tests.
public struct ClosureRequestMatcher: RequestMatcher {
    private let body: @Sendable (RecordedRequest, RecordedRequest) -> [RequestDifference]

    /// `body(request, recorded)` returns the differences; empty means the requests match.
    public init(_ body: @escaping @Sendable (RecordedRequest, RecordedRequest) -> [RequestDifference]) {
        self.body = body
    }

    public func differences(between request: RecordedRequest, and recorded: RecordedRequest) -> [RequestDifference] {
        body(request, recorded)
    }
}
