import RawJSON

/// The `scenario.*` contracts: what only the runner that caused a situation knows (what the script printed, the
/// exit code it chose, how long it runs), read from the cassette's `scenario` header member.
enum ScenarioContracts {
    static let all: [CodeContract] = [output, responseCode, terminalStatus, notTerminalEarly]

    /// `scenario.output`: terminal output is what the script printed, cut as the agent cuts it.
    static let output = CodeContract(
        id: "scenario.output",
        body: .observation { _, observation in
            ScenarioSubject.judge(observation) { subject in
                guard subject.isTerminal else { return nil }
                let expected = subject.expectation
                switch subject.kind {
                case .getCommandInvocation:
                    var verdict: Verdict?
                    if let stdout = expected.stdout {
                        let want = AgentOutput.standardOutput(stdout.value)
                        let got = subject.value["StandardOutputContent"]?.stringValue
                        verdict = got == want ? .pass : mismatch("StandardOutputContent", got, want: want)
                    }
                    if let stderr = expected.stderr, verdict?.outcome != .fail {
                        verdict =
                            standardError(subject.value["StandardErrorContent"]?.stringValue, printed: stderr.value)
                            ?? verdict ?? .pass
                    }
                    return verdict
                case .listedPlugin:
                    // The merge is only known exactly when the agent added nothing to stderr (a script that succeeds).
                    guard let stdout = expected.stdout, let stderr = expected.stderr, expected.status == ["Success"],
                        let got = subject.value["Output"]?.stringValue
                    else { return nil }
                    let want = AgentOutput.pluginOutput(stdout: stdout.value, stderr: stderr.value)
                    return got == want ? .pass : mismatch("Output", got, want: want)
                case .listedInvocation:
                    return nil
                }
            }
        }
    )

    /// nil when stderr holds what was printed (the agent may add lines after it), or is a cut of it keeping at
    /// least the documented 8,000 characters; a fail otherwise.
    static func standardError(_ got: String?, printed: String) -> Verdict? {
        guard let got else {
            return Verdict(
                .fail,
                field: "StandardErrorContent",
                detail: "absent; the script printed \(describe(printed))"
            )
        }
        if got.hasPrefix(printed) { return nil }
        var kept = Substring(got)
        if kept.hasSuffix(AgentOutput.standardOutputMarker) {
            kept = kept.dropLast(AgentOutput.standardOutputMarker.count)
        }
        while kept.hasSuffix("\u{FFFD}") { kept = kept.dropLast() }
        let documented = 8_000 - AgentOutput.standardOutputMarker.count - 3
        if printed.hasPrefix(kept), kept.unicodeScalars.count >= min(documented, printed.unicodeScalars.count) {
            return nil
        }
        return mismatch("StandardErrorContent", got, want: printed, prefix: true)
    }

    /// `scenario.response-code`: the terminal ResponseCode is the scenario's exit code.
    static let responseCode = CodeContract(
        id: "scenario.response-code",
        body: .observation { _, observation in
            ScenarioSubject.judge(observation) { subject in
                guard subject.isTerminal, subject.kind != .listedInvocation, let want = subject.expectation.responseCode
                else { return nil }
                let got = subject.value["ResponseCode"]
                guard got?.intValue == want else {
                    return Verdict(
                        .fail,
                        field: "ResponseCode",
                        value: got?.json,
                        detail:
                            "expected \(want), the code the scenario \(subject.expectation.status.joined(separator: "/")) run gives"
                    )
                }
                return .pass
            }
        }
    )

    /// `scenario.terminal-status`: the terminal Status/StatusDetails are the ones the scenario causes.
    static let terminalStatus = CodeContract(
        id: "scenario.terminal-status",
        body: .observation { _, observation in
            ScenarioSubject.judge(observation) { subject in
                guard subject.isTerminal, !subject.expectation.status.isEmpty else { return nil }
                let expected = subject.expectation
                let status = subject.status ?? ""
                guard expected.status.contains(status) else {
                    return Verdict(
                        .fail,
                        field: "Status",
                        value: .string(status),
                        detail: "expected \(expected.status.joined(separator: " or ")), which the scenario causes"
                    )
                }
                if !expected.statusDetails.isEmpty, let details = subject.value["StatusDetails"] {
                    guard let text = details.stringValue, expected.statusDetails.contains(text) else {
                        return Verdict(
                            .fail,
                            field: "StatusDetails",
                            value: details.json,
                            detail:
                                "expected \(expected.statusDetails.joined(separator: " or ")), which the scenario causes"
                        )
                    }
                }
                return .pass
            }
        }
    )

    /// `scenario.not-terminal-early`: a command that runs N seconds is not terminal before N seconds.
    static let notTerminalEarly = CodeContract(
        id: "scenario.not-terminal-early",
        body: .observation { _, observation in
            ScenarioSubject.judge(observation) { subject in
                guard subject.isTerminal, let seconds = subject.expectation.runsAtLeast else { return nil }
                if let sentAt = subject.expectation.sentAt, let asked = observation.time, asked + 1 < sentAt + seconds {
                    return Verdict(
                        .fail,
                        field: "Status",
                        value: .string(subject.status ?? ""),
                        detail: String(
                            format: "terminal when asked %.1f s after SendCommand; the command runs at least %g s",
                            asked - sentAt,
                            seconds
                        )
                    )
                }
                if subject.kind == .getCommandInvocation,
                    let start = subject.value["ExecutionStartDateTime"].flatMap(TimeValue.instant),
                    let end = subject.value["ExecutionEndDateTime"].flatMap(TimeValue.instant),
                    end - start + 1 < seconds
                {
                    return Verdict(
                        .fail,
                        field: "ExecutionEndDateTime",
                        value: subject.value["ExecutionEndDateTime"]?.json,
                        detail: String(
                            format: "ran %.1f s from ExecutionStartDateTime; the command runs at least %g s",
                            end - start,
                            seconds
                        )
                    )
                }
                return .pass
            }
        }
    )

    static func mismatch(_ field: String, _ got: String?, want: String, prefix: Bool = false) -> Verdict {
        guard let got else { return Verdict(.fail, field: field, detail: "absent; expected \(describe(want))") }
        let common = zip(got.unicodeScalars, want.unicodeScalars).prefix { $0 == $1 }.count
        return Verdict(
            .fail,
            field: field,
            value: .string(String(got.prefix(80))),
            detail:
                "\(describe(got)) differs from \(prefix ? "what the script printed" : "what the agent sends for the script's output") (\(describe(want))) after \(common) characters"
        )
    }

    static func describe(_ text: String) -> String {
        "\(text.unicodeScalars.count) characters, \(text.utf8.count) bytes"
    }
}
