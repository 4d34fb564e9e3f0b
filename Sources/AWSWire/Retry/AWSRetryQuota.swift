import Foundation

/// The standard retry mode's token bucket, shared by every call of one client.
///
/// Each retry takes ``retryCost`` tokens (``timeoutRetryCost`` after a timeout); when the bucket cannot pay, the
/// call stops retrying. A success without retries adds ``noRetryIncrement``; a success after retries refunds
/// what its last retry took. Capacity never exceeds ``maximumCapacity`` (botocore `retries/quota.py`).
public final class AWSRetryQuota: @unchecked Sendable {
    // @unchecked: `available` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var available: Int

    /// The initial and maximum capacity (500).
    public let maximumCapacity: Int
    /// Tokens one retry costs (5).
    public let retryCost: Int
    /// Tokens a retry after a timeout costs (10).
    public let timeoutRetryCost: Int
    /// Tokens a success without retries adds back (1).
    public let noRetryIncrement: Int

    /// Creates a full bucket.
    public init(maximumCapacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, noRetryIncrement: Int = 1) {
        self.maximumCapacity = maximumCapacity
        self.available = maximumCapacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.noRetryIncrement = noRetryIncrement
    }

    /// The tokens left.
    public var availableCapacity: Int { lock.withLock { available } }

    /// Takes the cost of one retry; returns the amount taken, or `nil` when the bucket cannot pay (no retry).
    public func acquire(afterTimeout: Bool) -> Int? {
        let cost = afterTimeout ? timeoutRetryCost : retryCost
        return lock.withLock {
            guard available >= cost else { return nil }
            available -= cost
            return cost
        }
    }

    /// Records a successful (2xx) call: refunds `lastRetryCost` when the call was retried, else adds
    /// ``noRetryIncrement``.
    public func recordSuccess(lastRetryCost: Int?) {
        let amount = lastRetryCost ?? noRetryIncrement
        lock.withLock { available = min(maximumCapacity, available + amount) }
    }
}
