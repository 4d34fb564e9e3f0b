import RawJSON

/// The data rules of one subject group ready to run: each predicate compiled to a ``FieldCheck`` whose fields
/// are slots of the group's ``FieldTable`` and whose texts are in the group's ``RuleTexts``. Made once per run
/// (by the engine's plan) and never changed.
///
/// Evaluation of each rule is the rule as `Contracts/README.md` states it: the first case whose `when` (and
/// `when-any`) holds decides; its `expect` predicates must hold (a violated one fails the subject, or makes it
/// inconclusive when an `inconclusive-if` holds; an absent field gives `if-absent`); a passing subject is then
/// held to `confirm`.
///
/// The rules are plain values in a few arrays (rules, cases, checks, texts), so deciding that a subject
/// passes touches no reference count; the predicates and notes they came from are read only to write a
/// verdict's messages.
struct CompiledRules: Sendable {
    /// One case: which checks are its `when`, `when-any`, `expect`, `confirm` and `inconclusive-if`.
    struct Case: Sendable {
        let when: Range<Int>
        let whenAny: Range<Int>
        let expect: Range<Int>
        let confirm: Range<Int>
        let inconclusiveIf: Range<Int>
        /// The case's fixed outcome (`outcome:`), if it has one.
        let outcome: Outcome?
        let ifAbsent: Outcome
    }

    /// Each rule's cases, by rule.
    let rules: [Range<Int>]
    let cases: [Case]
    /// Each case's note, by case.
    let notes: [String?]
    let checks: [FieldCheck]
    /// The predicate each check was compiled from, by check.
    let predicates: [Predicate]
    let texts: RuleTexts

    /// Compiles `rules`, in order, for subjects whose fields are found with `fields`.
    init(_ rules: [DataRule], fields: FieldTable) {
        var ranges: [Range<Int>] = []
        var cases: [Case] = []
        var checks: [FieldCheck] = []
        var predicates: [Predicate] = []
        var texts = RuleTexts()
        func compile(_ list: [Predicate]) -> Range<Int> {
            let start = checks.count
            for predicate in list {
                checks.append(FieldCheck(predicate, fields: fields, texts: &texts))
                predicates.append(predicate)
            }
            return start..<checks.count
        }
        for rule in rules {
            let first = cases.count
            for ruleCase in rule.cases {
                cases.append(
                    Case(
                        when: compile(ruleCase.when),
                        whenAny: compile(ruleCase.whenAny),
                        expect: compile(ruleCase.expect),
                        confirm: compile(ruleCase.confirm),
                        inconclusiveIf: compile(ruleCase.inconclusiveIf),
                        outcome: ruleCase.outcome,
                        ifAbsent: ruleCase.ifAbsent
                    )
                )
            }
            ranges.append(first..<cases.count)
        }
        self.rules = ranges
        self.cases = cases
        self.notes = rules.flatMap { $0.cases.map(\.note) }
        self.checks = checks
        self.predicates = predicates
        self.texts = texts
    }

    /// Evaluates every rule on `subject` and calls `body` with each rule's position and verdict, in order.
    func evaluate(_ subject: Subject, _ body: (_ rule: Int, _ verdict: Verdict) -> Void) {
        // Every list is read in place, so evaluating the rules retains nothing.
        rules.withUnsafeBufferPointer { rules in
            cases.withUnsafeBufferPointer { cases in
                checks.withUnsafeBufferPointer { checks in
                    predicates.withUnsafeBufferPointer { predicates in
                        notes.withUnsafeBufferPointer { notes in
                            texts.withReader { texts in
                                let run = Run(subject: subject, checks: checks, predicates: predicates, texts: texts)
                                for (rule, ruleCases) in rules.enumerated() {
                                    body(rule, run.verdict(ruleCases, cases, notes))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The verdict of the only rule on `subject` (for a group of one rule).
    func evaluate(_ subject: Subject) -> Verdict {
        var result = Verdict.notApplicable
        evaluate(subject) { _, verdict in result = verdict }
        return result
    }

    /// One evaluation: the subject, and the rule's checks, predicates and texts read in place.
    private struct Run {
        let subject: Subject
        let checks: UnsafeBufferPointer<FieldCheck>
        let predicates: UnsafeBufferPointer<Predicate>
        let texts: RuleTexts.Reader

        /// The verdict of the rule whose cases are `ruleCases`: its first case that applies decides.
        @inline(__always)
        func verdict(
            _ ruleCases: Range<Int>,
            _ cases: UnsafeBufferPointer<Case>,
            _ notes: UnsafeBufferPointer<String?>
        ) -> Verdict {
            for index in ruleCases where applies(cases[index]) { return decide(cases[index], note: notes[index]) }
            return .notApplicable
        }

        @inline(__always)
        func result(_ check: Int) -> PredicateResult {
            checks[check].result(subject, texts, compiledFrom: predicates[check])
        }

        /// Whether every `when` holds and, when there are any, one of `when-any`.
        func applies(_ ruleCase: Case) -> Bool {
            ruleCase.when.allSatisfy { result($0) == .holds }
                && (ruleCase.whenAny.isEmpty || ruleCase.whenAny.contains { result($0) == .holds })
        }

        /// The verdict of a subject the case applies to. Every field that decides the outcome is reported (the
        /// first in ``Verdict``, the rest in ``Verdict/others``).
        func decide(_ ruleCase: Case, note: @autoclosure () -> String?) -> Verdict {
            if let outcome = ruleCase.outcome { return Verdict(outcome, detail: note()) }
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
            for check in ruleCase.expect {
                switch result(check) {
                case .holds:
                    if best < .pass { best = .pass }
                case .unknown:
                    continue  // not applicable never beats what is already there
                case .absent:
                    let predicate = predicates[check]
                    consider(
                        Verdict(ruleCase.ifAbsent, field: predicate.operandText, detail: predicate.absentText),
                        ruleCase.ifAbsent
                    )
                case .violated:
                    let predicate = predicates[check]
                    let soft = ruleCase.inconclusiveIf.contains { result($0) == .holds }
                    let outcome: Outcome = soft ? .inconclusive : .fail
                    consider(
                        Verdict(
                            outcome,
                            field: predicate.operandText,
                            value: checks[check].value(subject, texts)?.json,
                            detail: soft ? note() ?? predicate.expectationText : predicate.expectationText
                        ),
                        outcome
                    )
                }
            }
            if ruleCase.expect.isEmpty { return confirmed(ruleCase, note: note()) ?? .pass }
            guard var verdict = decided.first else {
                return best == .pass ? confirmed(ruleCase, note: note()) ?? .pass : .notApplicable
            }
            if verdict.outcome == .pass { return confirmed(ruleCase, note: note()) ?? verdict }  // `if-absent: pass`
            verdict.others = Array(decided.dropFirst())
            return verdict
        }

        /// The inconclusive verdict of the first `confirm` that is violated, or nil when none is.
        private func confirmed(_ ruleCase: Case, note: @autoclosure () -> String?) -> Verdict? {
            for check in ruleCase.confirm where result(check) == .violated {
                let predicate = predicates[check]
                return Verdict(
                    .inconclusive,
                    field: predicate.operandText,
                    value: checks[check].value(subject, texts)?.json,
                    detail: note() ?? "not confirmed: \(predicate.summary)"
                )
            }
            return nil
        }
    }
}
