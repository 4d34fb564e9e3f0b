import Foundation
import HTTPTransport
import RawJSON

extension CassetteTransport {
    /// Sends `request` upstream and keeps the redacted interaction; returns the response unchanged.
    func record(_ request: HTTPRequest) async throws -> HTTPResponse {
        let startedAt = options.clock()
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await upstream!.send(request)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let interaction = Interaction(
            request: sanitized(RecordedRequest(request)),
            response: sanitized(RecordedResponse(response)),
            startedAt: Timestamp.iso8601(startedAt),
            duration: seconds
        )
        let key = options.matcher.matchKey(interaction.request)
        locked { state in
            state.cassette.interactions.append(interaction)
            state.used.append(true)
            state.responses.append(nil)
            if let key { state.index?.add(state.cassette.interactions.count - 1, key: key) }
            state.recorded += 1
        }
        return response
    }

    /// Ends the session: writes the cassette atomically in `record` (always) and `record-missing` (when
    /// something was recorded or the file did not exist), and reports what happened.
    ///
    /// - Throws: ``CassetteError`` when the cassette cannot be written (the previous file stays intact);
    ///   ``CassetteUnusedInteractionsError`` when ``CassetteOptions/failsOnUnusedInteractions`` is set and
    ///   recorded interactions were never used.
    @discardableResult
    public func finish() throws -> CassetteReport {
        let snapshot = locked { $0 }
        var wrote = false
        if mode == .record || (mode == .recordMissing && (snapshot.recorded > 0 || !fileExisted)) {
            try snapshot.cassette.save(to: file)
            wrote = true
        }
        let report = report(of: snapshot, wroteCassette: wrote)
        if options.failsOnUnusedInteractions, !report.unused.isEmpty {
            throw CassetteUnusedInteractionsError(report: report)
        }
        return report
    }

    /// Sets a header member written with the cassette (kept in ``CassetteHeader/extra``), replacing one of the
    /// same name: e.g. `scenario`, the expectations of the scenario that recorded it. Call before ``finish()``.
    public func setHeaderMember(_ key: String, to value: JSONValue) {
        locked { state in
            var extra = JSONObject(state.cassette.header.extra.members.filter { $0.key != key })
            extra.append(key: key, value: value)
            state.cassette.header.extra = extra
        }
    }

    /// What happened so far, without finishing or writing anything (`wroteCassette` is `false`).
    public var currentReport: CassetteReport { report(of: locked { $0 }, wroteCassette: false) }

    func report(of snapshot: State, wroteCassette: Bool) -> CassetteReport {
        let unused = snapshot.used.indices.filter { !snapshot.used[$0] }.map {
            CassetteReport.UnusedInteraction(
                index: $0,
                request: Self.summary(snapshot.cassette.interactions[$0].request)
            )
        }
        return CassetteReport(
            file: file,
            mode: mode,
            interactionCount: snapshot.cassette.interactions.count,
            replayed: snapshot.replayed,
            recorded: snapshot.recorded,
            passedThrough: snapshot.passedThrough,
            unused: mode == .live ? [] : unused,
            wroteCassette: wroteCassette
        )
    }
}
