import Foundation
import HTTPTransport

/// The API-call cap of a live run: a transport that counts every request it passes upstream (retries included)
/// and refuses more than `limit`, so a run can never send more than it said it would.
final class CallBudget: HTTPTransport, @unchecked Sendable {
    // @unchecked: `used` is only touched while holding `lock`; the other members are immutable and Sendable.
    let upstream: any HTTPTransport
    let limit: Int
    private let lock = NSLock()
    private var used = 0

    init(upstream: any HTTPTransport, limit: Int) {
        self.upstream = upstream
        self.limit = limit
    }

    /// Requests sent so far.
    var count: Int { lock.withLock { used } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let allowed = lock.withLock { () -> Bool in
            guard used < limit else { return false }
            used += 1
            return true
        }
        guard allowed else { throw CallCapReached(limit: limit) }
        return try await upstream.send(request)
    }
}
