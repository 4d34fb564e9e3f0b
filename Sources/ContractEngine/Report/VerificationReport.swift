/// The verdicts of a run, per contract and target, with known deviations applied.
public struct VerificationReport: Sendable {
    /// What a listed deviation turned out to be in this run.
    public enum DeviationState: String, Sendable {
        /// The contract failed on the target, as listed: an expected failure.
        case held = "expected-failure"
        /// The contract was judged on the target and never failed: the deviation must be removed.
        case stale = "no-longer-fails"
        /// The deviation's expiry date has passed.
        case expired
        /// The contract was not judged on the target in this run.
        case unverified
        /// The contract was judged on the target and never failed, but the run covered only part of what the
        /// deviations were observed on (`live --scenario`): the responses that showed the deviation may not have
        /// been requested, so it is not judged stale (a run of the whole scenario catalog judges it).
        case notExercised = "not-exercised"
    }

    /// One contract on one target.
    public struct TargetResult: Sendable {
        public let target: String
        public let tally: Tally
        public let findings: [Finding]
        /// All findings, including those not kept.
        public let findingCount: Int
        public let deviation: Deviation?
        public let deviationState: DeviationState?

        /// Whether this result breaks the run: an unexpected failure of an error contract, or a stale or
        /// expired deviation.
        public func breaksRun(_ severity: Severity) -> Bool {
            switch deviationState {
            case .stale?, .expired?: return true
            case .held?: return false
            default: return tally.fail > 0 && severity == .error
            }
        }
    }

    /// The overall verdict of a contract.
    public enum Verdict: String, Sendable {
        case fail = "FAIL"
        case warning = "WARN"
        case expectedFailure = "XFAIL"
        case inconclusive = "INCONCLUSIVE"
        case pass = "PASS"
        case notApplicable = "N/A"
    }

    /// One contract's results.
    public struct Row: Sendable {
        public let contract: Contract
        public let targets: [TargetResult]
        public let verdict: Verdict
    }

    /// Every contract, in catalog order.
    public let rows: [Row]
    /// Files read, observations judged, of which errors, and interactions left out.
    public let files: Int, observations: Int, errors: Int, skipped: Int

    /// Applies `deviations` (as of `today`, `YYYY-MM-DD`) to `results`. With `judgesStaleDeviations` false (the
    /// responses are part of what the deviations were observed on), a deviation that does not fail is
    /// ``DeviationState/notExercised``, never ``DeviationState/stale``.
    public init(
        _ results: EngineResults,
        deviations: DeviationSet,
        today: String,
        judgesStaleDeviations: Bool = true
    ) {
        var rows: [Row] = []
        for (index, contract) in results.catalog.contracts.enumerated() {
            var targets: [TargetResult] = []
            // Deviations of targets this run did not observe are left out: they say nothing about these responses.
            for target in results.targets {
                let tally = results.tally(index, target: target)
                let (kept, count) = results.findings(contract.id, target: target)
                let deviation = deviations.deviation(contract.id, target: target)
                var state: DeviationState?
                if let deviation {
                    if let expires = deviation.expires, expires < today {
                        state = .expired
                    } else if tally.fail > 0 {
                        state = .held
                    } else {
                        state =
                            tally.applicable == 0 ? .unverified : (judgesStaleDeviations ? .stale : .notExercised)
                    }
                }
                guard tally.applicable + tally.notApplicable > 0 || deviation != nil else { continue }
                targets.append(
                    TargetResult(
                        target: target,
                        tally: tally,
                        findings: kept,
                        findingCount: count,
                        deviation: deviation,
                        deviationState: state
                    )
                )
            }
            rows.append(Row(contract: contract, targets: targets, verdict: Self.verdict(contract, targets)))
        }
        self.rows = rows
        self.targets = results.targets
        self.files = results.run.files
        self.observations = results.run.observations
        self.errors = results.run.errors
        self.skipped = results.run.skipped
    }

    static func verdict(_ contract: Contract, _ targets: [TargetResult]) -> Verdict {
        if targets.contains(where: { $0.breaksRun(contract.severity) }) { return .fail }
        let unexpected = targets.contains { $0.tally.fail > 0 && $0.deviationState != .held }
        if unexpected { return .warning }
        if targets.contains(where: { $0.deviationState == .held }) { return .expectedFailure }
        if targets.contains(where: { $0.tally.inconclusive > 0 }) { return .inconclusive }
        if targets.contains(where: { $0.tally.pass > 0 }) { return .pass }
        return .notApplicable
    }

    /// The deviations this run could not judge (``DeviationState/notExercised``), as `contract (target)`.
    public var notExercisedDeviations: [String] {
        rows.flatMap { row in
            row.targets.filter { $0.deviationState == .notExercised }.map { "\(row.contract.id) (\($0.target))" }
        }
    }

    /// Whether anything breaks the run (exit status 1).
    public var hasViolations: Bool { rows.contains { $0.verdict == .fail } }

    /// The number of contracts with each verdict.
    public func count(_ verdict: Verdict) -> Int { rows.filter { $0.verdict == verdict }.count }

    /// The targets responses were observed on, sorted.
    public let targets: [String]

    /// The files a folder search found that are ssm-contract reports (``ReportFormat``), left out of the run and
    /// named in the report's first line (paths as given).
    public var skippedReports: [String] = []
}
