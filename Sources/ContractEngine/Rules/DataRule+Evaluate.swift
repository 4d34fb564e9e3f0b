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
        evaluate(subject: subject, request: request, fields: nil)
    }

    /// As ``evaluate(subject:request:)``, reading the subject's members through `fields` when given.
    func evaluate(subject: JSONValue, request: JSONValue?, fields: SubjectFields?) -> Verdict {
        for ruleCase in cases {
            guard ruleCase.when.allSatisfy({ $0.evaluate(subject: subject, request: request, fields: fields) == .holds }) else { continue }
            if !ruleCase.whenAny.isEmpty,
                !ruleCase.whenAny.contains(where: { $0.evaluate(subject: subject, request: request, fields: fields) == .holds })
            {
                continue
            }
            return ruleCase.decide(subject: subject, request: request, fields: fields)
        }
        return .notApplicable
    }
}

extension RuleCase {
    func decide(subject: JSONValue, request: JSONValue?, fields: SubjectFields?) -> Verdict {
        if let outcome { return Verdict(outcome, detail: note) }
        // The strongest result so far (the first to reach it wins); a verdict is only made for a result that
        // carries a field or detail, not for every predicate that holds.
        var best = Outcome.notApplicable
        var decided: Verdict?
        for predicate in expect {
            switch predicate.evaluate(subject: subject, request: request, fields: fields) {
            case .holds:
                if best < .pass { best = .pass }
            case .unknown:
                continue  // not applicable never beats what is already there
            case .absent:
                if ifAbsent > best {
                    best = ifAbsent
                    decided = Verdict(ifAbsent, field: predicate.operandText, detail: predicate.absentText)
                }
            case .violated:
                let soft = inconclusiveIf.contains { $0.evaluate(subject: subject, request: request, fields: fields) == .holds }
                let outcome: Outcome = soft ? .inconclusive : .fail
                if outcome > best {
                    best = outcome
                    decided = Verdict(
                        outcome, field: predicate.operandText,
                        value: predicate.value(subject: subject, request: request),
                        detail: soft ? note ?? predicate.expectationText : predicate.expectationText)
                }
            }
            if best == .fail, let decided { return decided }
        }
        var verdict = decided ?? (best == .pass ? .pass : .notApplicable)
        if expect.isEmpty { verdict = .pass }
        guard verdict.outcome == .pass || expect.isEmpty else { return verdict }
        for predicate in confirm {
            if predicate.evaluate(subject: subject, request: request, fields: fields) == .violated {
                return Verdict(.inconclusive, field: predicate.operandText,
                    value: predicate.value(subject: subject, request: request),
                    detail: note ?? "not confirmed: \(predicate.summary)")
            }
        }
        return verdict
    }
}
