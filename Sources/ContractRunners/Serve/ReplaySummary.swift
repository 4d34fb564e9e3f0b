import Cassettes
import Foundation
import LoopbackServer
import RawJSON

/// What a replay server answered: requests, misses, and per cassette what was used and what never was.
public struct ReplaySummary: Sendable, Hashable {
    /// Requests answered with a recorded (or, with an upstream, just recorded) response.
    public let answered: Int
    /// One line per request nothing could answer (the ``CassetteMissError`` text), in arrival order.
    public let misses: [String]
    /// One line per request the upstream failed to answer.
    public let upstreamFailures: [String]
    /// Each cassette's report, in lookup order.
    public let cassettes: [CassetteReport]
    /// Whether misses were forwarded upstream and recorded.
    public let recordsMisses: Bool
    /// Faults injected (`--fault`), per kind. A truncated answer also counts as answered; a throttle, 500,
    /// 503 or reset replaced the answer.
    public let faults: [FaultKind: Int]
    /// Requests the server refused before any cassette saw them, per kind: a body over the size limit (413),
    /// bytes that are not HTTP/1.1 (400). They count as received and, like misses, make the exit status 1.
    public let rejected: [LoopbackRejection: Int]

    init(counts: ReplayCounts, cassettes: [CassetteReport], upstream: Bool) {
        answered = counts.answered
        misses = counts.misses
        upstreamFailures = counts.upstreamFailures
        self.cassettes = cassettes
        recordsMisses = upstream
        faults = counts.faults
        rejected = counts.rejected
    }

    /// Every request received.
    public var requests: Int {
        answered + misses.count + upstreamFailures.count + replacedByFaults + rejectedCount
    }

    /// Requests refused before matching (413, 400).
    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// `1 request body over --max-body-bytes (413), 2 malformed HTTP requests (400)`; empty when none was.
    public var rejectedList: String {
        LoopbackRejection.allCases.compactMap { kind in
            rejected[kind].flatMap { $0 > 0 ? Self.describe(kind, count: $0) : nil }
        }.joined(separator: ", ")
    }

    /// `2 request bodies over --max-body-bytes (413)`, `1 malformed HTTP request (400)`.
    static func describe(_ kind: LoopbackRejection, count: Int) -> String {
        switch kind {
        case .bodyTooLarge:
            return Plural.count(count, "request body", plural: "request bodies") + " over --max-body-bytes (413)"
        case .malformed:
            return Plural.count(count, "malformed HTTP request") + " (400)"
        }
    }

    /// Requests whose answer a fault replaced (throttle, 500, 503, reset).
    public var replacedByFaults: Int {
        faults.filter { $0.key != .latency && $0.key != .truncate }.values.reduce(0, +)
    }

    /// `throttle 3, reset 1`, in ``FaultKind`` order; empty when nothing was injected.
    public var faultList: String {
        faults.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { "\($0.key.rawValue) \($0.value)" }.joined(
            separator: ", "
        )
    }
    /// Interactions over all cassettes.
    public var interactionCount: Int { cassettes.reduce(0) { $0 + $1.interactionCount } }
    /// Recorded interactions no request asked for, over all cassettes.
    public var unusedCount: Int { cassettes.reduce(0) { $0 + $1.unused.count } }
    /// Interactions recorded from the upstream.
    public var recorded: Int { cassettes.reduce(0) { $0 + $1.recorded } }

    /// 0 when every request was answered (and, when `strict`, every interaction used); 1 otherwise: a miss,
    /// an upstream failure or a refused request means the client was not served what it asked for.
    public func status(strict: Bool) -> ExitStatus {
        let failed =
            !misses.isEmpty || !upstreamFailures.isEmpty || rejectedCount > 0 || (strict && unusedCount > 0)
        return failed ? .violation : .success
    }

    /// The summary printed when the server stops: totals, then one line per cassette with its unused
    /// interactions.
    public var text: String {
        var totals = "\(Plural.count(requests, "request")): \(answered) answered"
        if recordsMisses { totals += " (\(recorded) recorded upstream)" }
        totals += ", \(misses.count) missed"
        if !upstreamFailures.isEmpty { totals += ", \(Plural.count(upstreamFailures.count, "upstream failure"))" }
        if replacedByFaults > 0 { totals += ", \(replacedByFaults) replaced by injected faults" }
        if rejectedCount > 0 { totals += ", \(rejectedCount) rejected" }
        var lines = ["served " + totals]
        if !faults.isEmpty { lines.append("  injected faults: " + faultList) }
        if rejectedCount > 0 { lines.append("  rejected: " + rejectedList) }
        for report in cassettes {
            var line =
                "  \(report.file.relativePath): \(Plural.count(report.interactionCount, "interaction")), \(report.replayed) replayed"
            if report.recorded > 0 { line += ", \(report.recorded) recorded" }
            line += report.unused.isEmpty ? ", none unused" : ", \(report.unused.count) unused"
            lines.append(line)
            lines += report.unused.map { "    unused \($0.description)" }
        }
        lines += misses.map { "  miss: \($0)" }
        lines += upstreamFailures.map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `--report` document.
    public func json(strict: Bool) -> JSONValue {
        let cassettes: [JSONValue] = self.cassettes.map { report in
            .object(
                JSONObject([
                    "file": .string(report.file.relativePath),
                    "interactions": .number(JSONNumber(report.interactionCount)),
                    "replayed": .number(JSONNumber(report.replayed)),
                    "recorded": .number(JSONNumber(report.recorded)),
                    "unused": .array(
                        report.unused.map { unused in
                            .object(
                                JSONObject([
                                    "index": .number(JSONNumber(unused.index)), "request": .string(unused.request),
                                ])
                            )
                        }
                    ),
                ])
            )
        }
        return .object(
            JSONObject([
                "format": .string(ReportFormat.serve),
                "version": .number(JSONNumber(1)),
                "requests": .number(JSONNumber(requests)),
                "answered": .number(JSONNumber(answered)),
                "misses": .array(misses.map { .string($0) }),
                "upstreamFailures": .array(upstreamFailures.map { .string($0) }),
                "rejected": .object(
                    JSONObject(
                        LoopbackRejection.allCases.map { kind in
                            JSONMember(key: kind.rawValue, value: .number(JSONNumber(rejected[kind] ?? 0)))
                        }
                    )
                ),
                "unusedInteractions": .number(JSONNumber(unusedCount)),
                "faults": .object(
                    JSONObject(
                        FaultKind.allCases.map { kind in
                            JSONMember(key: kind.rawValue, value: .number(JSONNumber(faults[kind] ?? 0)))
                        }
                    )
                ),
                "strict": .bool(strict),
                "exitStatus": .number(JSONNumber(Int(status(strict: strict).rawValue))),
                "cassettes": .array(cassettes),
            ])
        )
    }
}
