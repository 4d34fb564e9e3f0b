import RawJSON

/// A ``Predicate`` compiled for one rule: where its value is (a slot of the rule group's ``FieldTable``, or a
/// path in the request) and its test, with every text it compares with in the rule's ``RuleTexts``.
///
/// A check is plain values (no references), so a rule's checks are evaluated over 100,000 responses without
/// one reference count; the predicate it came from stays beside it (``CompiledRules/predicates``) for the
/// messages of a verdict and for the few tests that need it (`pattern`, `equals` of a list or object).
struct FieldCheck: Sendable {
    /// Where a check reads a value.
    struct Place: Sendable {
        enum Source: Sendable {
            /// Nowhere (the test compares with nothing).
            case nowhere
            /// The subject's member in ``slot`` of the field table, then the names ``path`` below it.
            case subject
            /// The request's member at ``path``.
            case request
        }

        let source: Source
        let slot: Int32
        /// Subject: the names below the member in ``slot``; request: the whole path.
        let path: RuleTexts.Spans

        static let nowhere = Place(source: .nowhere, slot: -1, path: .none)

        static func subject(_ path: FieldPath, fields: FieldTable, texts: inout RuleTexts) -> Place {
            Place(
                source: .subject,
                slot: Int32(fields.slot(path.names[0])),
                path: texts.spans(path.names.dropFirst())
            )
        }

        static func request(_ path: FieldPath, texts: inout RuleTexts) -> Place {
            Place(source: .request, slot: -1, path: texts.spans(path.names))
        }
    }

    /// What `equals` compares with.
    enum Expected: Sendable {
        /// An ASCII string (compared byte for byte; any other string is compared as text).
        case asciiString(RuleTexts.Span)
        /// A number: its literal, and its value.
        case number(literal: RuleTexts.Span, value: Double?)
        case boolean(Bool)
        case null
        /// Anything else (a list, an object, a non-ASCII string): compared as JSON values.
        case json
    }

    /// The test, with its texts in the rule's ``RuleTexts``.
    enum Test: Sendable {
        /// `members`: the listed values; `folded`: their lower-case forms when any case is accepted.
        /// `bytewise`: every member is ASCII, so an ASCII value is compared byte for byte.
        case oneOf(members: RuleTexts.Spans, folded: RuleTexts.Spans?, bytewise: Bool)
        case equals(Expected)
        case type(Predicate.Kind)
        case format(ValueFormat)
        /// A regular expression; `hand` answers for the texts it can decide without it.
        case pattern(hand: HandMatchedPattern?)
        case maxLength(Int, Predicate.TextUnit)
        case minLength(Int, Predicate.TextUnit)
        case suffix(RuleTexts.Span)
        case present(Bool)
        case equalsRequest
        case notBefore
    }

    let test: Test
    /// The value tested.
    let operand: Place
    /// What `equals-request` and `not-before` compare with.
    let other: Place
    /// An empty string also satisfies the test.
    let orEmpty: Bool
    /// The operand is read from the request (the check is `unknown` without one).
    let readsRequest: Bool

    init(_ predicate: Predicate, fields: FieldTable, texts: inout RuleTexts) {
        readsRequest = predicate.readsRequest
        orEmpty = predicate.orEmpty
        operand =
            predicate.readsRequest
            ? .request(predicate.path, texts: &texts) : .subject(predicate.path, fields: fields, texts: &texts)
        switch predicate.test {
        case .equalsRequest(let path): other = .request(path, texts: &texts)
        case .notBefore(let path): other = .subject(path, fields: fields, texts: &texts)
        default: other = .nowhere
        }
        switch predicate.test {
        case .oneOf(let members, let folded, _):
            let sorted = members.sorted()
            test = .oneOf(
                members: texts.spans(sorted),
                folded: folded.map { texts.spans($0.sorted()) },
                bytewise: sorted.allSatisfy(\.utf8.allASCII) && (folded ?? []).allSatisfy(\.utf8.allASCII)
            )
        case .equals(let value):
            switch value {
            case .string(let text) where text.utf8.allASCII: test = .equals(.asciiString(texts.span(text)))
            case .number(let number):
                test = .equals(.number(literal: texts.span(number.literal), value: number.doubleValue))
            case .bool(let flag): test = .equals(.boolean(flag))
            case .null: test = .equals(.null)
            default: test = .equals(.json)
            }
        case .type(let kind): test = .type(kind)
        case .format(let format): test = .format(format)
        case .pattern(let pattern): test = .pattern(hand: HandMatchedPattern(source: pattern.source))
        case .maxLength(let limit, let unit): test = .maxLength(limit, unit)
        case .minLength(let limit, let unit): test = .minLength(limit, unit)
        case .suffix(let suffix): test = .suffix(texts.span(suffix))
        case .present(let wanted): test = .present(wanted)
        case .equalsRequest: test = .equalsRequest
        case .notBefore: test = .notBefore
        }
    }
}

extension Sequence<UInt8> {
    /// Whether every byte is ASCII.
    var allASCII: Bool { allSatisfy { $0 < 0x80 } }
}
