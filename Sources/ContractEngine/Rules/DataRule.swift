import RawJSON

/// A contract rule written as data: one or more cases; the first case whose `when` holds is evaluated.
///
/// The vocabulary is documented in `Contracts/README.md`.
public struct DataRule: Sendable {
    /// The cases, in order.
    public let cases: [RuleCase]

    public init(cases: [RuleCase]) { self.cases = cases }
}

/// What a rule yields for one subject.
public enum Outcome: String, Sendable, CaseIterable, Comparable {
    case pass
    case fail
    case notApplicable = "not-applicable"
    case inconclusive

    /// Combination order: a fail wins over inconclusive, which wins over pass, which wins over not applicable.
    var weight: Int {
        switch self {
        case .notApplicable: 0
        case .pass: 1
        case .inconclusive: 2
        case .fail: 3
        }
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.weight < rhs.weight }
}

/// One case of a ``DataRule``.
///
/// An immutable final class: evaluating a case over 100,000 responses then costs one reference per case
/// visited, not a copy of every list it holds.
public final class RuleCase: Sendable {
    /// Every predicate must hold for the case to apply.
    public let when: [Predicate]
    /// At least one must hold for the case to apply (ignored when empty).
    public let whenAny: [Predicate]
    /// A fixed outcome for subjects the case applies to (instead of `expect`).
    public let outcome: Outcome?
    /// Every predicate must hold, otherwise the subject fails.
    public let expect: [Predicate]
    /// Soft expectations: when one does not hold the outcome is `inconclusive`, not `fail`.
    public let confirm: [Predicate]
    /// When an `expect` does not hold but one of these does, the outcome is `inconclusive`.
    public let inconclusiveIf: [Predicate]
    /// The outcome when a field named by `expect` is absent.
    public let ifAbsent: Outcome
    /// Why a subject can be inconclusive (printed with the result).
    public let note: String?

    public init(
        when: [Predicate] = [],
        whenAny: [Predicate] = [],
        outcome: Outcome? = nil,
        expect: [Predicate] = [],
        confirm: [Predicate] = [],
        inconclusiveIf: [Predicate] = [],
        ifAbsent: Outcome = .notApplicable,
        note: String? = nil
    ) {
        self.when = when
        self.whenAny = whenAny
        self.outcome = outcome
        self.expect = expect
        self.confirm = confirm
        self.inconclusiveIf = inconclusiveIf
        self.ifAbsent = ifAbsent
        self.note = note
    }
}

/// A test of one value: a field of the subject or of the request.
///
/// An immutable final class (see ``RuleCase``); the operand's path is resolved once, at creation.
public final class Predicate: Sendable {
    /// What the predicate reads.
    public enum Operand: Sendable, Hashable, CustomStringConvertible {
        /// A member of the subject.
        case field(FieldPath)
        /// A member of the request body.
        case request(FieldPath)

        public var description: String {
            switch self {
            case .field(let path): path.description
            case .request(let path): "request." + path.description
            }
        }
    }

    /// How long text is measured.
    public enum TextUnit: String, Sendable, CaseIterable {
        /// Unicode scalar values (what "characters" means in the model and the docs).
        case characters
        /// UTF-8 bytes.
        case utf8Bytes = "utf8-bytes"
        /// UTF-8 bytes as the SSM agent counted them before JSON encoding: each U+FFFD counts as one byte,
        /// because a multibyte character cut by the agent arrives as U+FFFD (3 bytes) standing for 1 or 2 bytes.
        case agentBytes = "agent-bytes"
    }

    /// The JSON kinds `type:` accepts; `timestamp` is an epoch-seconds number or an ISO-8601 string (CLI v2).
    public enum Kind: String, Sendable, CaseIterable {
        case string, integer, number, boolean, object, array, timestamp
    }

    /// The test itself.
    public enum Test: Sendable {
        case oneOf(Set<String>, ignoringCase: Set<String>?, listed: [String])
        case equals(JSONValue)
        case type(Kind)
        case format(ValueFormat)
        case pattern(CompiledPattern)
        case maxLength(Int, TextUnit)
        case minLength(Int, TextUnit)
        case suffix(String)
        case present(Bool)
        case equalsRequest(FieldPath)
        case notBefore(FieldPath)
    }

    /// The value tested.
    public let operand: Operand
    /// The test.
    public let test: Test
    /// When true, an empty string also satisfies the test.
    public let orEmpty: Bool
    /// The operand's path, and whether it is read from the request (resolved once from ``operand``).
    let path: FieldPath
    let readsRequest: Bool
    /// The texts a verdict on this predicate carries, made once: the operand, `… is absent`,
    /// `needs … (not available)` and `expected <summary>`.
    let operandText: String, absentText: String, unavailableText: String, expectationText: String

    public init(_ operand: Operand, _ test: Test, orEmpty: Bool = false) {
        self.operand = operand
        self.test = test
        self.orEmpty = orEmpty
        switch operand {
        case .field(let path): (self.path, self.readsRequest) = (path, false)
        case .request(let path): (self.path, self.readsRequest) = (path, true)
        }
        operandText = operand.description
        absentText = "\(operand) is absent"
        unavailableText = "needs \(operand) (not available)"
        expectationText = "expected \(Self.summary(operand, test, orEmpty: orEmpty))"
    }
}
