import RawJSON

/// What a rule decided for one subject, with what made it decide when it did not pass.
public struct Verdict: Sendable {
    /// The outcome.
    public var outcome: Outcome
    /// The field (relative to the subject, or `request.…`) that decided a fail or inconclusive.
    public var field: String?
    /// The value found there (`nil` when absent).
    public var value: JSONValue?
    /// The expectation that did not hold, or why the result is inconclusive / not applicable.
    public var detail: String?

    public init(_ outcome: Outcome, field: String? = nil, value: JSONValue? = nil, detail: String? = nil) {
        self.outcome = outcome
        self.field = field
        self.value = value
        self.detail = detail
    }

    static let notApplicable = Verdict(.notApplicable)
    static let pass = Verdict(.pass)
}

extension DataRule {
    /// Evaluates the first case whose condition holds; `not-applicable` when none does.
    public func evaluate(subject: JSONValue, request: JSONValue?) -> Verdict {
        for ruleCase in cases {
            guard ruleCase.when.allSatisfy({ $0.evaluate(subject: subject, request: request) == .holds }) else { continue }
            if !ruleCase.whenAny.isEmpty,
                !ruleCase.whenAny.contains(where: { $0.evaluate(subject: subject, request: request) == .holds })
            {
                continue
            }
            return ruleCase.decide(subject: subject, request: request)
        }
        return .notApplicable
    }
}

extension RuleCase {
    func decide(subject: JSONValue, request: JSONValue?) -> Verdict {
        if let outcome { return Verdict(outcome, detail: note) }
        var verdict = Verdict.notApplicable
        for predicate in expect {
            let next: Verdict
            switch predicate.evaluate(subject: subject, request: request) {
            case .holds: next = .pass
            case .unknown: next = Verdict(.notApplicable, detail: "needs \(predicate.operand) (not available)")
            case .absent:
                next = Verdict(ifAbsent, field: predicate.operand.description, detail: "\(predicate.operand) is absent")
            case .violated:
                let soft = inconclusiveIf.contains { $0.evaluate(subject: subject, request: request) == .holds }
                next = Verdict(
                    soft ? .inconclusive : .fail, field: predicate.operand.description,
                    value: predicate.value(subject: subject, request: request),
                    detail: soft ? note ?? "expected \(predicate.summary)" : "expected \(predicate.summary)")
            }
            if next.outcome > verdict.outcome { verdict = next }
            if verdict.outcome == .fail { return verdict }
        }
        if expect.isEmpty { verdict = .pass }
        guard verdict.outcome == .pass || expect.isEmpty else { return verdict }
        for predicate in confirm {
            if predicate.evaluate(subject: subject, request: request) == .violated {
                return Verdict(.inconclusive, field: predicate.operand.description,
                    value: predicate.value(subject: subject, request: request),
                    detail: note ?? "not confirmed: \(predicate.summary)")
            }
        }
        return verdict
    }
}
