import Foundation

/// A fault a replay server or proxy can inject into its answers (`--fault KIND=P`).
public enum FaultKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// HTTP 400 `ThrottlingException` "Rate exceeded", as AWS throttles awsJson1_1 calls.
    case throttle
    /// HTTP 500 `InternalServerError`.
    case internalServerError = "500"
    /// HTTP 503 `ServiceUnavailable`.
    case serviceUnavailable = "503"
    /// The connection closed without an answer.
    case reset
    /// An added delay before the answer (`latency=MS[:P]`).
    case latency
    /// The answer's head with its full `Content-Length`, then only half of its body, then the connection closed.
    case truncate

    /// The kinds that replace the answer (all but ``latency``, which only delays it), in drawing order.
    static let replacing: [FaultKind] = [.throttle, .internalServerError, .serviceUnavailable, .reset, .truncate]

    public static func < (lhs: FaultKind, rhs: FaultKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
