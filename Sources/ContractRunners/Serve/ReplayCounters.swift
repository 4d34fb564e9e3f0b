import Foundation
import LoopbackServer

/// What a replay server answered so far, shared by its connections.
struct ReplayCounts: Sendable, Hashable {
    /// Requests answered with a recorded (or just recorded) response.
    var answered = 0
    /// One line per request nothing could answer, in arrival order.
    var misses: [String] = []
    /// One line per request the upstream failed to answer (`--record-missing`).
    var upstreamFailures: [String] = []
    /// Faults injected (`--fault`), per kind.
    var faults: [FaultKind: Int] = [:]
    /// Requests the server refused before matching (413, 400), per kind.
    var rejected: [LoopbackRejection: Int] = [:]
}

/// Lock-guarded ``ReplayCounts``; the lock makes it `@unchecked Sendable`.
final class ReplayCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = ReplayCounts()

    func answered() { lock.withLock { counts.answered += 1 } }
    func missed(_ line: String) { lock.withLock { counts.misses.append(line) } }
    func upstreamFailed(_ line: String) { lock.withLock { counts.upstreamFailures.append(line) } }
    func injected(_ kind: FaultKind) { lock.withLock { counts.faults[kind, default: 0] += 1 } }
    func rejected(_ kind: LoopbackRejection) { lock.withLock { counts.rejected[kind, default: 0] += 1 } }
    var snapshot: ReplayCounts { lock.withLock { counts } }
}
