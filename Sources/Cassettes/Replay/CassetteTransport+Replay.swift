import Foundation
import HTTPTransport

extension CassetteTransport {
    /// The request as the cassette would store it: redacted, then pseudonymised with the cassette's salt.
    func sanitized(_ request: RecordedRequest) -> RecordedRequest {
        let redacted = redactor.request(request)
        var result = pseudonymiser?.request(redacted) ?? redacted
        result.headers = Self.contentLength(result.headers, from: request.body, to: result.body)
        return result
    }

    /// The response as the cassette would store it.
    func sanitized(_ response: RecordedResponse) -> RecordedResponse {
        let redacted = redactor.response(response)
        var result = pseudonymiser?.response(redacted) ?? redacted
        result.headers = Self.contentLength(result.headers, from: response.body, to: result.body)
        return result
    }

    /// Keeps a `Content-Length` that described the received body true for the stored body, whose length
    /// redaction or pseudonymisation may have changed (a replay server sends these headers as they are).
    static func contentLength(
        _ headers: HTTPHeaders,
        from original: RecordedBody,
        to stored: RecordedBody
    ) -> HTTPHeaders {
        guard headers.contains(name: "Content-Length") else { return headers }
        let before = original.data.count
        let after = stored.data.count
        guard before != after else { return headers }
        return headers.mappingValues { name, value in
            name.lowercased() == "content-length" && value.trimmingCharacters(in: .whitespaces) == String(before)
                ? String(after) : value
        }
    }

    /// A live request as this cassette matches it: the parts its matcher compares, sanitized like the
    /// recording, and the matcher's key for them (computed once per request, whatever the lookups).
    struct LiveRequest {
        /// The request, sanitized; only the compared header fields are kept (see ``RequestMatcher/comparedHeaders``).
        let request: RecordedRequest
        /// The matcher's key, `nil` when it gives none.
        let key: RequestMatchKey?
    }

    /// `captured` (a request as received) ready to be matched against this cassette.
    func live(_ captured: RecordedRequest) -> LiveRequest { live(sanitized: sanitizedForMatching(captured)) }

    /// A request made by ``sanitizedForMatching(_:)`` (perhaps by another cassette that sanitizes alike) with
    /// this cassette's match key.
    func live(sanitized request: RecordedRequest) -> LiveRequest {
        LiveRequest(request: request, key: options.matcher.matchKey(request))
    }

    /// `captured` sanitized as the recording would be, keeping only what the matcher compares.
    func sanitizedForMatching(_ captured: RecordedRequest) -> RecordedRequest {
        sanitized(Self.comparedParts(of: captured, matcher: options.matcher))
    }

    /// `request` with only the header fields `matcher` compares, and `X-Amz-Target` (miss reports rank and
    /// show the recorded requests by it); all of them when the matcher does not say which it compares.
    static func comparedParts(of request: RecordedRequest, matcher: any RequestMatcher) -> RecordedRequest {
        guard let compared = matcher.comparedHeaders else { return request }
        let names = compared + ["X-Amz-Target"]
        var parts = request
        parts.headers = HTTPHeaders(
            request.headers.filter { field in names.contains { HTTPHeaders.sameName($0, field.name) } }
        )
        return parts
    }

    /// Answers from the cassette: the first unused matching interaction, in recorded order. When all matching
    /// answers are used: `nil` if `recordingMisses` (record it), else the exhaustion policy. With no match:
    /// `nil` if `recordingMisses`, else a ``CassetteMissError``.
    func answer(_ request: HTTPRequest, recordingMisses: Bool) throws -> HTTPResponse? {
        let live = live(RecordedRequest(request))
        if let answer = claimUnusedAnswer(live) { return answer.response }
        if recordingMisses { return nil }
        if let answer = try answerAfterExhaustion(live) { return answer.response }
        throw closestMiss(live.request).error
    }

    /// The first unused interaction matching `live`, marked used; `nil` when none is left.
    func claimUnusedAnswer(_ live: LiveRequest) -> ReplayAnswer? {
        let matcher = options.matcher
        return locked { state -> ReplayAnswer? in
            let next: Int?
            if let key = live.key, state.index != nil {
                next = state.index!.firstUnused(key, used: state.used)
            } else {
                let interactions = state.cassette.interactions
                next = interactions.indices.first {
                    !state.used[$0] && matcher.matches(live.request, interactions[$0].request)
                }
            }
            guard let next else { return nil }
            state.used[next] = true
            state.replayed += 1
            return Self.response(at: next, in: &state)
        }
    }

    /// The exhaustion policy for `live` once every matching answer is used: the last one again
    /// (``ExhaustionPolicy/repeatLast``) or a ``CassetteMissError`` (``ExhaustionPolicy/fail``); `nil` when no
    /// recorded request matches at all.
    func answerAfterExhaustion(_ live: LiveRequest) throws -> ReplayAnswer? {
        let matcher = options.matcher
        return try locked { state -> ReplayAnswer? in
            let matching: [Int]
            if let key = live.key, let index = state.index {
                matching = index.matching(key)
            } else {
                let interactions = state.cassette.interactions
                matching = interactions.indices.filter { matcher.matches(live.request, interactions[$0].request) }
            }
            guard let last = matching.last else { return nil }
            switch options.exhaustion {
            case .repeatLast:
                state.replayed += 1
                return Self.response(at: last, in: &state)
            case .fail:
                throw CassetteMissError(
                    file: file.path,
                    request: Self.summary(live.request),
                    reason: .exhausted(recordedAnswers: matching),
                    closestIndex: last,
                    closestRequest: Self.summary(state.cassette.interactions[last].request),
                    differences: []
                )
            }
        }
    }

    /// The answer of interaction `position`: its response as sent (serialized on first use and kept) and
    /// its recorded duration.
    static func response(at position: Int, in state: inout State) -> ReplayAnswer {
        let interaction = state.cassette.interactions[position]
        if let response = state.responses[position] {
            return ReplayAnswer(response: response, recordedDuration: interaction.duration)
        }
        let response = interaction.response.httpResponse
        state.responses[position] = response
        return ReplayAnswer(response: response, recordedDuration: interaction.duration)
    }

    /// How close a recorded request is to a live one: same `X-Amz-Target` first, then fewest differences, then
    /// the nearest differing values (``RequestDifference/distance``), then earliest (lower is closer).
    typealias MissRank = (target: Int, differences: Int, distance: Double, index: Int)

    /// The miss error for `live` and how close its closest recorded request is (`nil` rank for an empty
    /// cassette).
    func closestMiss(_ live: RecordedRequest) -> (rank: MissRank?, error: CassetteMissError) {
        let interactions = cassette.interactions
        let target = live.headers["X-Amz-Target"]
        var best: (rank: MissRank, differences: [RequestDifference])?
        for (i, interaction) in interactions.enumerated() {
            let differences = options.matcher.differences(between: live, and: interaction.request)
            let distance = differences.reduce(0.0) { $0 + $1.distance }
            let rank = (interaction.request.headers["X-Amz-Target"] == target ? 0 : 1, differences.count, distance, i)
            if best == nil || rank < best!.rank { best = (rank, differences) }
        }
        let error = CassetteMissError(
            file: file.path,
            request: Self.summary(live),
            reason: .noMatch,
            closestIndex: best?.rank.index,
            closestRequest: best.map { Self.summary(interactions[$0.rank.index].request) },
            differences: best?.differences ?? []
        )
        return (best?.rank, error)
    }

    /// A request in one line: method, path, target and body (shortened).
    static func summary(_ request: RecordedRequest) -> String {
        let parts = URLParts(request.url)
        var text = "\(request.method) \(parts.matchedPath)"
        if !parts.query.isEmpty { text += "?" + BodyDifferences.shorten(parts.query) }
        if let target = request.headers["X-Amz-Target"] { text += " " + target }
        if let json = request.body.json {
            text += " " + BodyDifferences.show(json)
        } else if request.body != .empty {
            text += " " + BodyDifferences.describe(request.body)
        }
        return text
    }
}
