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
    /// Every further field that decided the same outcome, in rule order (each is reported as its own finding).
    public var others: [Verdict] = []

    public init(_ outcome: Outcome, field: String? = nil, value: JSONValue? = nil, detail: String? = nil) {
        self.outcome = outcome
        self.field = field
        self.value = value
        self.detail = detail
    }

    static let notApplicable = Verdict(.notApplicable)
    static let pass = Verdict(.pass)

    /// This verdict and its ``others``.
    var all: [Verdict] { [self] + others }
}

extension DataRule {
    /// Evaluates the first case whose condition holds on `subject`; `not-applicable` when none does.
    ///
    /// The rule is compiled for this call; the engine compiles each rule once per run (``CompiledRules``).
    public func evaluate(subject: JSONTape.Value, request: JSONTape.Value?) -> Verdict {
        let fields = FieldTable(fieldNames)
        let rule = CompiledRules([self], fields: fields)
        return subject.withView { subject in
            JSONTape.Value.withView(of: request) { request in
                fields.withFields(of: subject, request: request) { rule.evaluate($0) }
            }
        }
    }

    /// The first member names every predicate of the rule reads from its subject.
    var fieldNames: [String] {
        var names: [String] = []
        for ruleCase in cases {
            for predicates in [
                ruleCase.when, ruleCase.whenAny, ruleCase.expect, ruleCase.confirm, ruleCase.inconclusiveIf,
            ] {
                for predicate in predicates { names += predicate.fieldNames }
            }
        }
        return names
    }
}

extension Predicate {
    /// The first member names the predicate reads from its subject (its field, and a `not-before` field).
    var fieldNames: [String] {
        var names: [String] = []
        if !readsRequest { names.append(path.names[0]) }
        if case .notBefore(let other) = test { names.append(other.names[0]) }
        return names
    }
}
