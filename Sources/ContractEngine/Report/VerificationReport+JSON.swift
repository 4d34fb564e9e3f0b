import Cassettes
import RawJSON

extension VerificationReport {
    /// The version of the report's JSON form (its `"version"` member; `"format"` is ``ReportFormat/verify``).
    public static let jsonVersion = 1

    /// The report as JSON: what it is (`format`, `version`), the summary, then every contract with its source,
    /// verdict and per-target results.
    public var json: JSONValue {
        var root = JSONObject()
        root.append(key: "format", value: .string(ReportFormat.verify))
        root.append(key: "version", value: .number(JSONNumber(Self.jsonVersion)))
        root.append(key: "tool", value: "ssm-contract")
        var summary = JSONObject()
        summary.append(key: "files", value: .number(JSONNumber(files)))
        summary.append(key: "responses", value: .number(JSONNumber(observations)))
        summary.append(key: "errors", value: .number(JSONNumber(errors)))
        summary.append(key: "skippedInteractions", value: .number(JSONNumber(skipped)))
        summary.append(key: "skippedReports", value: .array(skippedReports.map { .string($0) }))
        summary.append(key: "targets", value: .array(targets.map { .string($0) }))
        summary.append(key: "violations", value: .bool(hasViolations))
        for verdict in [Verdict.fail, .warning, .expectedFailure, .inconclusive, .pass, .notApplicable] {
            summary.append(key: verdict.rawValue, value: .number(JSONNumber(count(verdict))))
        }
        root.append(key: "summary", value: .object(summary))
        root.append(key: "contracts", value: .array(rows.map(Self.json)))
        return .object(root)
    }

    static func json(_ row: Row) -> JSONValue {
        let contract = row.contract
        var object = JSONObject()
        object.append(key: "id", value: .string(contract.id))
        object.append(key: "verdict", value: .string(row.verdict.rawValue))
        object.append(key: "severity", value: .string(contract.severity.rawValue))
        object.append(key: "statement", value: .string(contract.statement))
        var source = JSONObject()
        source.append(key: "kind", value: .string(contract.source.kind.rawValue))
        if let seed = contract.source.seed { source.append(key: "seed", value: .string(seed)) }
        if let quote = contract.source.quote { source.append(key: "quote", value: .string(quote)) }
        if let reference = contract.source.reference { source.append(key: "reference", value: .string(reference)) }
        object.append(key: "source", value: .object(source))
        object.append(key: "operations", value: .array(contract.operations.map { .string($0) }))
        object.append(key: "fields", value: .array(contract.fields.map { .string($0) }))
        if let differ = contract.docsDiffer { object.append(key: "docsDiffer", value: .string(differ)) }
        object.append(
            key: "targets",
            value: .array(
                row.targets.map { result in
                    var target = JSONObject()
                    target.append(key: "target", value: .string(result.target))
                    for (name, count) in [
                        ("pass", result.tally.pass), ("fail", result.tally.fail),
                        ("inconclusive", result.tally.inconclusive), ("notApplicable", result.tally.notApplicable),
                    ] {
                        target.append(key: name, value: .number(JSONNumber(count)))
                    }
                    if let deviation = result.deviation, let state = result.deviationState {
                        var entry = JSONObject()
                        entry.append(key: "state", value: .string(state.rawValue))
                        entry.append(key: "reason", value: .string(deviation.reason))
                        if let expires = deviation.expires { entry.append(key: "expires", value: .string(expires)) }
                        target.append(key: "deviation", value: .object(entry))
                    }
                    target.append(key: "findingCount", value: .number(JSONNumber(result.findingCount)))
                    target.append(key: "findings", value: .array(result.findings.map(Self.json)))
                    return .object(target)
                }
            )
        )
        return .object(object)
    }

    static func json(_ finding: Finding) -> JSONValue {
        var object = JSONObject()
        object.append(key: "outcome", value: .string(finding.outcome.rawValue))
        object.append(key: "file", value: .string(finding.location.file))
        if let interaction = finding.location.interaction {
            object.append(key: "interaction", value: .number(JSONNumber(interaction)))
        }
        object.append(key: "path", value: .string(finding.path))
        object.append(key: "value", value: finding.value.map { .string($0) } ?? .null)
        object.append(key: "detail", value: .string(finding.detail))
        return .object(object)
    }
}
