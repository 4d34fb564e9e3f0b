extension VerificationReport {
    /// The report as JUnit XML: one test case per contract and target. Unexpected failures of error contracts
    /// and broken deviations are `<failure>`s, warnings are `<failure type="warning">`, contracts that did not
    /// apply or could not decide are `<skipped>`.
    public func junit(suiteName: String) -> String {
        var cases: [String] = []
        var failures = 0, skippedCount = 0
        for row in rows {
            let contract = row.contract
            let targets = row.targets.isEmpty
                ? [TargetResult(target: "-", tally: Tally(), findings: [], findingCount: 0, deviation: nil, deviationState: nil)]
                : row.targets
            for result in targets {
                var body = ""
                let name = "\(contract.id) [\(result.target)]"
                let details = result.findings.map { "\($0.location) \($0.path)\($0.value.map { " = \($0)" } ?? ""): \($0.detail)" }
                    .joined(separator: "\n")
                if result.breaksRun(contract.severity) || (result.tally.fail > 0 && result.deviationState != .held) {
                    failures += 1
                    let message = result.deviationState.map { "deviation \($0.rawValue)" } ?? "\(result.tally.fail) failing responses"
                    let type = contract.severity == .error || result.deviationState != nil ? "violation" : "warning"
                    body = "<failure type=\"\(type)\" message=\"\(Self.escape(message))\">\(Self.escape(contract.statement + "\n" + details))</failure>"
                } else if result.tally.pass == 0 && result.deviationState != .held {
                    skippedCount += 1
                    let why = result.tally.inconclusive > 0 ? "inconclusive" : "not applicable"
                    body = "<skipped message=\"\(why)\">\(Self.escape(details))</skipped>"
                } else if result.deviationState == .held || result.tally.inconclusive > 0 {
                    body = "<system-out>\(Self.escape((result.deviation.map { "expected failure: \($0.reason)\n" } ?? "") + details))</system-out>"
                }
                cases.append("    <testcase classname=\"\(Self.escape(suiteName))\" name=\"\(Self.escape(name))\">\(body)</testcase>")
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="\(Self.escape(suiteName))" tests="\(cases.count)" failures="\(failures)" skipped="\(skippedCount)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// `text` escaped for XML attribute values and character data (control characters become `?`).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
