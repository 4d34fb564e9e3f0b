extension VerificationReport {
    /// The report as JUnit XML: one suite, one test case per contract and target (see ``junitSuite(name:)``).
    public func junit(suiteName: String) -> String { JUnitReport(suites: [junitSuite(name: suiteName)]).xml }

    /// One JUnit suite: a test case per contract and target. Unexpected failures of error contracts and broken
    /// deviations are failures (`type="violation"`), warnings are failures of `type="warning"`, contracts that
    /// did not apply or could not decide are skipped; expected failures and inconclusive findings are output.
    public func junitSuite(name suiteName: String) -> JUnitReport.Suite {
        var cases: [JUnitReport.TestCase] = []
        for row in rows {
            let contract = row.contract
            let targets =
                row.targets.isEmpty
                ? [
                    TargetResult(
                        target: "-",
                        tally: Tally(),
                        findings: [],
                        findingCount: 0,
                        deviation: nil,
                        deviationState: nil
                    )
                ]
                : row.targets
            for result in targets {
                let details = result.findings.map {
                    "\($0.location) \($0.path)\($0.value.map { " = \($0)" } ?? ""): \($0.detail)"
                }
                .joined(separator: "\n")
                let outcome: JUnitReport.Outcome
                if result.breaksRun(contract.severity) || (result.tally.fail > 0 && result.deviationState != .held) {
                    let message =
                        result.deviationState.map { "deviation \($0.rawValue)" }
                        ?? "\(result.tally.fail) failing responses"
                    let type = contract.severity == .error || result.deviationState != nil ? "violation" : "warning"
                    outcome = .failed(type: type, message: message, details: contract.statement + "\n" + details)
                } else if result.tally.pass == 0 && result.deviationState != .held {
                    outcome = .skipped(
                        message: result.tally.inconclusive > 0 ? "inconclusive" : "not applicable",
                        details: details
                    )
                } else if result.deviationState == .held || result.tally.inconclusive > 0 {
                    outcome = .passed(
                        output: (result.deviation.map { "expected failure: \($0.reason)\n" } ?? "") + details
                    )
                } else {
                    outcome = .passed()
                }
                cases.append(
                    JUnitReport.TestCase(
                        classname: suiteName,
                        name: "\(contract.id) [\(result.target)]",
                        outcome: outcome
                    )
                )
            }
        }
        return JUnitReport.Suite(name: suiteName, cases: cases)
    }
}
