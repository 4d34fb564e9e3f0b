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

/// A predicate with its fields resolved to slots of the rule's ``FieldTable``: where its value is, and where
/// the value it compares with is. An immutable final class: visiting a test costs one reference.
final class FieldTest: Sendable {
    /// Where a predicate reads a value.
    struct Place: Sendable {
        enum Source: Sendable {
            /// Nowhere (the predicate compares with nothing).
            case nowhere
            /// The subject's member in ``slot`` of the field table, then the names ``below`` it (usually none).
            case subject
            /// The request's member at ``path``.
            case request
        }

        let source: Source
        let slot: Int
        let below: [String]
        let path: FieldPath

        static let nowhere = Place(source: .nowhere, slot: -1, below: [], path: FieldPath(""))

        static func subject(_ path: FieldPath, fields: FieldTable) -> Place {
            Place(source: .subject, slot: fields.slot(path.names[0]), below: Array(path.names.dropFirst()), path: path)
        }

        static func request(_ path: FieldPath) -> Place { Place(source: .request, slot: -1, below: [], path: path) }

        @inline(__always)
        func value(_ subject: Subject) -> JSONTape.View? {
            switch source {
            case .nowhere: nil
            case .subject: subject.field(slot, below: below)
            case .request: subject.request.flatMap { path.lookup(in: $0) }
            }
        }
    }

    let predicate: Predicate
    /// The predicate's operand.
    let operand: Place
    /// What `equals-request` and `not-before` compare with.
    let other: Place

    init(_ predicate: Predicate, fields: FieldTable) {
        self.predicate = predicate
        operand = predicate.readsRequest ? .request(predicate.path) : .subject(predicate.path, fields: fields)
        switch predicate.test {
        case .equalsRequest(let path): other = .request(path)
        case .notBefore(let path): other = .subject(path, fields: fields)
        default: other = .nowhere
        }
    }

    /// The value the predicate reads, or nil when absent.
    @inline(__always)
    func value(_ subject: Subject) -> JSONTape.View? { operand.value(subject) }

    func result(_ subject: Subject) -> PredicateResult {
        predicate.result(found: value(subject), other: other.value(subject), hasRequest: subject.request != nil)
    }
}
