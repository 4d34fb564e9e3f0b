import Foundation
import HTTPTransport

/// Several cassettes replayed as one ``HTTPTransport``, with the same matching, polling and miss rules as a
/// single ``CassetteTransport`` (it is built from them and uses their replay code).
///
/// A request takes the first unused matching answer, looking through the cassettes in the order given (so
/// a request recorded in two cassettes is answered from the first, then from the second). When every matching
/// answer is used, a cassette opened in `record-missing` (at most one) records it upstream; otherwise the
/// exhaustion policy of the last cassette that has a match applies. With no match anywhere the
/// ``CassetteMissError`` names the closest recorded request over all cassettes (same operation first, then
/// fewest differences, then earliest).
///
/// ```swift
/// let cassettes = try files.map { try CassetteTransport(file: $0, mode: .replay, upstream: nil) }
/// let transport = try MultiCassetteTransport(cassettes)
/// let response = try await transport.send(request)
/// let reports = try transport.finish()
/// ```
public final class MultiCassetteTransport: HTTPTransport, Sendable {
    /// The cassettes, in lookup order.
    public let cassettes: [CassetteTransport]
    /// The cassette that records what the others cannot answer (`record-missing`), if any.
    public let recorder: CassetteTransport?

    /// Combines `cassettes`, each in `replay` mode except at most one in `record-missing`.
    /// - Throws: ``CassetteConfigurationError`` for another mode or a second `record-missing` cassette.
    public init(_ cassettes: [CassetteTransport]) throws {
        let recorders = cassettes.filter { $0.mode == .recordMissing }
        if let other = cassettes.first(where: { $0.mode != .replay && $0.mode != .recordMissing }) {
            throw CassetteConfigurationError(
                "\(other.file.relativePath): mode \(other.mode.rawValue) cannot be combined with other cassettes; open them in replay (and at most one in record-missing)"
            )
        }
        guard recorders.count <= 1 else {
            throw CassetteConfigurationError(
                "\(recorders[1].file.relativePath): only one cassette can record missing interactions, and \(recorders[0].file.relativePath) already does"
            )
        }
        self.cassettes = cassettes
        self.recorder = recorders.first
        // Cassettes that sanitize alike (same redaction, no pseudonyms of their own, same compared headers) share
        // one sanitized request.
        var groups: [SanitizerKey: Int] = [:]
        sanitizerGroups = cassettes.map { cassette in
            let key = SanitizerKey(
                redaction: cassette.options.redaction,
                pseudonymiser: cassette.pseudonymiser.map(ObjectIdentifier.init),
                comparedHeaders: cassette.options.matcher.comparedHeaders
            )
            if let group = groups[key] { return group }
            groups[key] = groups.count
            return groups.count - 1
        }
        sanitizerCount = groups.count
    }

    /// For each cassette, the group of cassettes that sanitize a request alike.
    private let sanitizerGroups: [Int]
    private let sanitizerCount: Int

    struct SanitizerKey: Hashable {
        let redaction: RedactionOptions
        let pseudonymiser: ObjectIdentifier?
        let comparedHeaders: [String]?
    }

    /// `request` as each cassette matches it, sanitized once per group of cassettes that sanitize alike.
    func live(_ request: HTTPRequest) -> [CassetteTransport.LiveRequest] {
        let captured = RecordedRequest(request)
        var done = [RecordedRequest?](repeating: nil, count: sanitizerCount)
        return zip(cassettes, sanitizerGroups).map { cassette, group in
            let sanitized = done[group] ?? cassette.sanitizedForMatching(captured)
            done[group] = sanitized
            return cassette.live(sanitized: sanitized)
        }
    }

    /// Answers `request` from the cassettes (or records it upstream through ``recorder``).
    /// - Throws: ``CassetteMissError`` when nothing can answer; the upstream's errors when recording.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await answer(request).response
    }

    /// Like ``send(_:)``, with the recorded duration of the interaction that answered (for pacing).
    /// - Throws: ``CassetteMissError`` when nothing can answer; the upstream's errors when recording.
    public func answer(_ request: HTTPRequest) async throws -> ReplayAnswer {
        let live = live(request)
        for (cassette, request) in zip(cassettes, live) {
            if let answer = cassette.claimUnusedAnswer(request) { return answer }
        }
        if let recorder { return ReplayAnswer(response: try await recorder.record(request), recordedDuration: nil) }
        for (cassette, request) in zip(cassettes, live).reversed() {
            if let answer = try cassette.answerAfterExhaustion(request) { return answer }
        }
        let misses = zip(cassettes, live).enumerated().map { position, pair in
            (position, pair.0.closestMiss(pair.1.request))
        }
        let closest = misses.min { lhs, rhs in
            guard let left = lhs.1.rank else { return false }
            guard let right = rhs.1.rank else { return true }
            return (left.target, left.differences, left.distance, lhs.0) < (
                right.target, right.differences, right.distance, rhs.0
            )
        }
        guard let closest else {
            throw CassetteMissError(
                file: "(no cassettes)",
                request: CassetteTransport.summary(RecordedRequest(request)),
                reason: .noMatch,
                closestIndex: nil,
                closestRequest: nil,
                differences: []
            )
        }
        throw closest.1.error
    }

    /// `true` when every cassette replays (none records): waiters and backoff may skip their delays.
    public var servesRecordedResponses: Bool { recorder == nil }

    /// Interactions over all cassettes.
    public var interactionCount: Int { cassettes.reduce(0) { $0 + $1.cassette.interactions.count } }

    /// What each cassette did so far, without writing anything.
    public var currentReports: [CassetteReport] { cassettes.map(\.currentReport) }

    /// Finishes every cassette (the recorder writes what it recorded), also when one of them throws, and
    /// returns their reports in order.
    /// - Throws: the first error a cassette's ``CassetteTransport/finish()`` threw, after finishing the others.
    @discardableResult
    public func finish() throws -> [CassetteReport] {
        var reports: [CassetteReport] = []
        var firstError: (any Error)?
        for cassette in cassettes {
            do {
                reports.append(try cassette.finish())
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return reports
    }
}
