import Foundation

/// AWS "standard" retry mode: up to ``maxAttempts`` attempts in total, full-jitter exponential backoff
/// `random(0,1) * min(base^(attempt-1), maxBackoff)` seconds, and a shared ``AWSRetryQuota``.
///
/// The random source and the sleeper are injectable so tests pin the delays and never sleep; the client skips
/// sleeping altogether when its transport serves recorded responses.
public struct AWSRetryStrategy: Sendable {
    /// Attempts in total, the first included (3).
    public var maxAttempts: Int
    /// The cap on one delay, in seconds (20).
    public var maxBackoff: Double
    /// The exponential base (2).
    public var base: Double
    /// The token bucket (shared: copies of a strategy share one quota).
    public var quota: AWSRetryQuota
    /// Returns a value in `0...1`; `Double.random(in: 0...1)` by default.
    public var random: @Sendable () -> Double
    /// Sleeps for a delay in seconds; `Task.sleep` by default.
    public var sleeper: @Sendable (Double) async throws -> Void

    /// Creates a strategy; the defaults are the standard mode's.
    public init(
        maxAttempts: Int = 3,
        maxBackoff: Double = 20,
        base: Double = 2,
        quota: AWSRetryQuota = AWSRetryQuota(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        sleeper: @escaping @Sendable (Double) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.base = base
        self.quota = quota
        self.random = random
        self.sleeper = sleeper
    }

    /// The standard mode with its defaults.
    public static var standard: AWSRetryStrategy { AWSRetryStrategy() }

    /// No retries: one attempt.
    public static var none: AWSRetryStrategy { AWSRetryStrategy(maxAttempts: 1) }

    /// The delay before the next attempt after attempt number `attempt` (1-based) failed, for a random draw
    /// `draw` in `0...1`: `draw * min(base^(attempt-1), maxBackoff)`.
    public func delay(afterAttempt attempt: Int, draw: Double) -> Double {
        draw * min(pow(base, Double(max(0, attempt - 1))), maxBackoff)
    }
}
