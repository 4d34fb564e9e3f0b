import Cassettes

extension VerificationReport {
    /// The text report, grouped by contract: verdict, statement, source, then per target the counts and the
    /// findings (at most `findingsPerTarget` of each), then where the documentation differs, then the summary.
    /// The contracts that apply to none of the responses are folded into one line naming them, or listed one
    /// per line with `listsNotApplicable` (`--verbose`).
    public func text(title: String, findingsPerTarget: Int = 5, listsNotApplicable: Bool = false) -> String {
        var out =
            "\(title): \(files) file\(files == 1 ? "" : "s"), \(observations) response\(observations == 1 ? "" : "s")"
        out += " (\(errors) error\(errors == 1 ? "" : "s"))"
        if skipped > 0 { out += ", \(skipped) interaction\(skipped == 1 ? "" : "s") without an operation left out" }
        out += ReportFormat.skippedPhrase(skippedReports)
        out += targets.isEmpty ? "\n" : "; targets: \(targets.joined(separator: ", "))\n"
        let notApplicable = rows.filter { $0.verdict == .notApplicable }.map(\.contract.id)
        for row in rows {
            let contract = row.contract
            if row.verdict == .notApplicable {
                if listsNotApplicable {
                    out +=
                        "\n" + "N/A".padding(toLength: 13, withPad: " ", startingAt: 0)
                        + "\(contract.id) (applies to none of these responses)\n"
                }
                continue
            }
            out += "\n" + row.verdict.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
            out += "\(contract.id) [\(contract.severity.rawValue)]  \(contract.statement)\n"
            out += "             rule: \(Self.rule(contract))\n"
            for result in row.targets {
                out += "             \(result.target): \(Self.counts(result.tally))"
                if let deviation = result.deviation, let state = result.deviationState {
                    out += " — deviation \(state.rawValue): \(deviation.reason)"
                    if let expires = deviation.expires { out += " (expires \(expires))" }
                }
                out += "\n"
                for finding in result.findings.prefix(findingsPerTarget) {
                    out += "               \(finding.outcome == .fail ? "✗" : "?") \(finding.location) \(finding.path)"
                    if let value = finding.value { out += " = \(value)" }
                    out += ": \(finding.detail)\n"
                }
                let hidden = result.findingCount - min(findingsPerTarget, result.findings.count)
                if hidden > 0 { out += "               … and \(hidden) more\n" }
            }
        }
        if !listsNotApplicable, !notApplicable.isEmpty {
            let count = notApplicable.count == 1 ? "1 contract applies" : "\(notApplicable.count) contracts apply"
            out +=
                "\n" + "N/A".padding(toLength: 13, withPad: " ", startingAt: 0)
                + "\(count) to none of these responses (--verbose lists them)\n"
        }
        let differing = rows.filter { row in
            row.contract.docsDiffer != nil && row.targets.contains { $0.tally.applicable > 0 }
        }
        if !differing.isEmpty {
            out += "\nWhere AWS's documentation differs from what AWS does (the contracts follow AWS):\n"
            for row in differing { out += "  - \(row.contract.id): \(row.contract.docsDiffer!)\n" }
        }
        out += "\n" + summary + "\n"
        return out
    }

    /// One line: verdict counts and the outcome.
    public var summary: String {
        let parts = [Verdict.fail, .warning, .expectedFailure, .inconclusive, .pass, .notApplicable].map {
            "\(count($0)) \($0.rawValue)"
        }
        return "Summary: \(rows.count) contracts — \(parts.joined(separator: ", ")). "
            + (hasViolations ? "Contracts were violated." : "No violations.")
    }

    static func counts(_ tally: Tally) -> String {
        var parts: [String] = []
        if tally.fail > 0 { parts.append("\(tally.fail) fail") }
        if tally.inconclusive > 0 { parts.append("\(tally.inconclusive) inconclusive") }
        parts.append("\(tally.pass) pass")
        if tally.notApplicable > 0 { parts.append("\(tally.notApplicable) not applicable") }
        return parts.joined(separator: ", ")
    }

    /// The quoted rule and its source, on one line.
    static func rule(_ contract: Contract) -> String {
        if let quote = contract.source.quote { return "“\(quote)” — \(contract.source.citation)" }
        return contract.source.citation
    }
}
