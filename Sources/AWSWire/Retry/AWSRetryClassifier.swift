import HTTPTransport

/// Which failures the standard retry mode retries, by botocore's `retries/standard.py` lists.
public enum AWSRetryClassifier {
    /// Why a failure may be retried.
    public enum Reason: Sendable, Hashable {
        /// A throttling error code (`ThrottlingException`, `RequestLimitExceeded`, …).
        case throttling
        /// A transient error code or HTTP 500/502/503/504.
        case transient
        /// A retryable transport failure (connection refused or reset, DNS, proxy).
        case transport
        /// A transport timeout (the quota charges these more).
        case timeout
    }

    /// Throttling error codes.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Transient error codes.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    /// Transient HTTP statuses.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Classifies an error thrown by one attempt; `nil` means "do not retry" (auth and validation errors,
    /// `InvocationDoesNotExist`, cassette misses, malformed 2xx bodies, anything unknown).
    public static func classify(_ error: any Error) -> Reason? {
        switch error {
        case let error as AWSServiceError:
            if throttlingCodes.contains(error.code) { return .throttling }
            if transientCodes.contains(error.code) || transientStatuses.contains(error.statusCode) { return .transient }
            return nil
        case let error as AWSUnreadableErrorResponse:
            return transientStatuses.contains(error.statusCode) ? .transient : nil
        case let error as TransportError:
            if error.isTimeout { return .timeout }
            return error.isRetryable ? .transport : nil
        default:
            return nil
        }
    }
}
