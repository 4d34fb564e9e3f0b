import RawJSON

/// A data rule ready to run: every field its predicates read is a slot of a ``FieldTable``. Made once per run
/// (by the engine's plan) and never changed.
///
/// Evaluation is the rule as `Contracts/README.md` states it: the first case whose `when` (and `when-any`)
/// holds decides; its `expect` predicates must hold (a violated one fails the subject, or makes it
/// inconclusive when an `inconclusive-if` holds; an absent field gives `if-absent`); a passing subject is then
/// held to `confirm`.
struct CompiledRule: Sendable {
    let cases: [CompiledCase]

    init(_ rule: DataRule, fields: FieldTable) {
        cases = rule.cases.map { CompiledCase($0, fields: fields) }
    }

    func evaluate(_ subject: Subject) -> Verdict {
        for ruleCase in cases where ruleCase.applies(to: subject) { return ruleCase.decide(subject) }
        return .notApplicable
    }
}

/// One case of a compiled rule. An immutable final class: visiting a case costs one reference, not a copy of
/// each of its lists.
final class CompiledCase: Sendable {
    let rule: RuleCase
    let when: [FieldTest], whenAny: [FieldTest], expect: [FieldTest], confirm: [FieldTest], inconclusiveIf: [FieldTest]

    init(_ rule: RuleCase, fields: FieldTable) {
        self.rule = rule
        func compile(_ predicates: [Predicate]) -> [FieldTest] { predicates.map { FieldTest($0, fields: fields) } }
        when = compile(rule.when)
        whenAny = compile(rule.whenAny)
        expect = compile(rule.expect)
        confirm = compile(rule.confirm)
        inconclusiveIf = compile(rule.inconclusiveIf)
    }

    /// Whether every `when` holds and, when there are any, one of `when-any`.
    func applies(to subject: Subject) -> Bool {
        when.allSatisfy { $0.result(subject) == .holds }
            && (whenAny.isEmpty || whenAny.contains { $0.result(subject) == .holds })
    }

    /// The verdict of a subject the case applies to. Every field that decides the outcome is reported (the
    /// first in ``Verdict``, the rest in ``Verdict/others``).
    func decide(_ subject: Subject) -> Verdict {
        if let outcome = rule.outcome { return Verdict(outcome, detail: rule.note) }
        var best = Outcome.notApplicable
        var decided: [Verdict] = []
        func consider(_ verdict: @autoclosure () -> Verdict, _ outcome: Outcome) {
            if outcome > best {
                best = outcome
                decided = [verdict()]
            } else if outcome == best, outcome == .fail || outcome == .inconclusive {
                decided.append(verdict())
            }
        }
        for test in expect {
            switch test.result(subject) {
            case .holds:
                if best < .pass { best = .pass }
            case .unknown:
                continue  // not applicable never beats what is already there
            case .absent:
                let outcome = rule.ifAbsent
                consider(
                    Verdict(outcome, field: test.predicate.operandText, detail: test.predicate.absentText),
                    outcome
                )
            case .violated:
                let soft = inconclusiveIf.contains { $0.result(subject) == .holds }
                let outcome: Outcome = soft ? .inconclusive : .fail
                consider(
                    Verdict(
                        outcome,
                        field: test.predicate.operandText,
                        value: test.value(subject)?.json,
                        detail: soft ? rule.note ?? test.predicate.expectationText : test.predicate.expectationText
                    ),
                    outcome
                )
            }
        }
        if expect.isEmpty { return confirmed(subject) ?? .pass }
        guard var verdict = decided.first else { return best == .pass ? confirmed(subject) ?? .pass : .notApplicable }
        if verdict.outcome == .pass { return confirmed(subject) ?? verdict }  // `if-absent: pass`
        verdict.others = Array(decided.dropFirst())
        return verdict
    }

    /// The inconclusive verdict of the first `confirm` that is violated, or nil when none is.
    private func confirmed(_ subject: Subject) -> Verdict? {
        for test in confirm where test.result(subject) == .violated {
            return Verdict(
                .inconclusive,
                field: test.predicate.operandText,
                value: test.value(subject)?.json,
                detail: rule.note ?? "not confirmed: \(test.predicate.summary)"
            )
        }
        return nil
    }
}

/// A predicate with its fields resolved to slots of the rule's ``FieldTable``.
struct FieldTest: Sendable {
    let predicate: Predicate
    /// The slot of the operand's first name (unused when the operand is in the request).
    let slot: Int
    /// For `not-before`: the slot of the other field's first name.
    let otherSlot: Int

    init(_ predicate: Predicate, fields: FieldTable) {
        self.predicate = predicate
        slot = predicate.readsRequest ? -1 : fields.slot(predicate.path.names[0])
        if case .notBefore(let other) = predicate.test {
            otherSlot = fields.slot(other.names[0])
        } else {
            otherSlot = -1
        }
    }

    /// The value the predicate reads, or nil when absent.
    @inline(__always)
    func value(_ subject: Subject) -> JSONTape.View? {
        if predicate.readsRequest { return subject.request.flatMap { predicate.path.lookup(in: $0) } }
        return subject.field(slot, below: predicate.path.names.dropFirst())
    }

    func result(_ subject: Subject) -> PredicateResult {
        let other: JSONTape.View?
        switch predicate.test {
        case .equalsRequest(let path): other = subject.request.flatMap { path.lookup(in: $0) }
        case .notBefore(let path): other = subject.field(otherSlot, below: path.names.dropFirst())
        default: other = nil
        }
        return predicate.result(found: value(subject), other: other, hasRequest: subject.request != nil)
    }
}
