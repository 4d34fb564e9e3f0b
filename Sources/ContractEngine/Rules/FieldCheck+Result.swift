import RawJSON

/// The result of testing one predicate.
enum PredicateResult: Equatable {
    /// The value satisfies the test.
    case holds
    /// The value is there and does not satisfy the test.
    case violated
    /// The field is absent.
    case absent
    /// The test needs something that is not there (the request, or the member it compares with).
    case unknown
}

extension FieldCheck.Place {
    /// The value at this place, or nil when absent.
    @inline(__always)
    func value(_ subject: Subject, _ texts: RuleTexts.Reader) -> JSONTape.View? {
        var current: JSONTape.View
        switch source {
        case .nowhere: return nil
        case .subject:
            guard let head = subject.value.value(at: subject.fields[Int(slot)]) else { return nil }
            current = head
        case .request:
            guard let request = subject.request else { return nil }
            current = request
        }
        for index in 0..<Int(path.count) {
            guard let next = current.member(named: texts.text(path, index)) else { return nil }
            current = next
        }
        return current
    }
}

extension FieldCheck {
    /// The value the check reads, or nil when absent.
    @inline(__always)
    func value(_ subject: Subject, _ texts: RuleTexts.Reader) -> JSONTape.View? { operand.value(subject, texts) }

    /// Tests the subject, as `Contracts/README.md` states each test. `predicate` is the one the check was
    /// compiled from, read only by the tests that need it: the regular expression of a `pattern` (when the
    /// hand matcher cannot decide), the value of an `equals` that is not an ASCII scalar, and the members of a
    /// `one-of` compared with text that is not ASCII.
    func result(
        _ subject: Subject,
        _ texts: RuleTexts.Reader,
        compiledFrom predicate: @autoclosure () -> Predicate
    ) -> PredicateResult {
        let hasRequest = subject.request != nil
        if readsRequest, !hasRequest { return .unknown }
        let found = value(subject, texts)
        switch test {
        case .present(let wanted): return (found != nil) == wanted ? .holds : .violated
        case .equalsRequest:
            guard hasRequest, let expected = other.value(subject, texts) else { return .unknown }
            guard let found, !found.isNull else { return .absent }
            if orEmpty, found.isString("") { return .holds }
            guard !expected.isNull else { return .unknown }
            return Predicate.same(found, expected) ? .holds : .violated
        default: break
        }
        guard let value = found, !value.isNull else { return .absent }
        if orEmpty, value.isString("") { return .holds }
        switch test {
        case .oneOf(let members, let folded, let bytewise):
            guard value.kind == .string else { return .violated }
            if bytewise, value.isASCIIString {
                return value.withUTF8 { bytes in
                    texts.contains(members, bytes) || folded.map { Self.containsFolded($0, bytes, texts) } == true
                } == true ? .holds : .violated
            }
            // Text that is not ASCII is compared as Swift compares strings (canonical equivalence).
            guard case .oneOf(let values, let lowered, _) = predicate().test, let text = value.stringValue else {
                return .violated
            }
            return values.contains(text) || lowered?.contains(text.lowercased()) == true ? .holds : .violated
        case .equals(let expected): return Self.equals(value, expected, texts, predicate) ? .holds : .violated
        case .type(let kind): return Predicate.has(kind, value) ? .holds : .violated
        case .format(let format): return value.withUTF8(format.matches) == true ? .holds : .violated
        case .pattern(let hand):
            if let hand, let decided = value.withUTF8(hand.matches) ?? nil { return decided ? .holds : .violated }
            guard case .pattern(let pattern) = predicate().test else { return .violated }
            return value.withUTF8(pattern.matches) == true ? .holds : .violated
        case .maxLength(let limit, let unit):
            // Text as written is never shorter than the decoded string in any unit: most values need no decoding.
            if let written = value.writtenLength, written <= limit { return .holds }
            return value.withUTF8 { TextMeasure.fits($0, limit: limit, unit: unit) } == true ? .holds : .violated
        case .minLength(let limit, let unit):
            // Nor is it ever longer: text written shorter than the limit needs no decoding either.
            if let written = value.writtenLength, written < limit { return .violated }
            return value.withUTF8 { TextMeasure.length($0, unit: unit) >= limit } == true ? .holds : .violated
        case .suffix(let suffix):
            return value.withUTF8 { $0.hasSuffix(texts.text(suffix)) } == true ? .holds : .violated
        case .present: return .holds
        case .equalsRequest: return .unknown  // decided above
        case .notBefore:
            guard let other = other.value(subject, texts), let earlier = TimeValue.instant(other),
                let later = TimeValue.instant(value)
            else {
                return .unknown
            }
            return later >= earlier ? .holds : .violated
        }
    }

    /// Whether the lower-case form of the ASCII text `bytes` is one of `folded` (lower-case ASCII texts).
    @inline(__always)
    static func containsFolded(
        _ folded: RuleTexts.Spans,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ texts: RuleTexts.Reader
    )
        -> Bool
    {
        for index in 0..<Int(folded.count) {
            let member = texts.text(folded, index)
            guard member.count == bytes.count else { continue }
            var same = true
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if lower != member[offset] {
                    same = false
                    break
                }
            }
            if same { return true }
        }
        return false
    }

    /// `equals`: JSON equality where numbers compare by value (`-1` equals `-1.0`).
    static func equals(
        _ value: JSONTape.View,
        _ expected: Expected,
        _ texts: RuleTexts.Reader,
        _ predicate: () -> Predicate
    ) -> Bool {
        switch (expected, value.kind) {
        case (.asciiString(let text), .string) where value.isASCIIString:
            return value.withUTF8 { $0.elementsEqual(texts.text(text)) } == true
        case (.asciiString, .string), (.json, _):
            guard case .equals(let json) = predicate().test else { return false }
            return Predicate.same(value.json, json)
        case (.asciiString, _): return false
        case (.number(let literal, let number), .number):
            if value.withNumberLiteral({ $0.elementsEqual(texts.text(literal)) }) == true { return true }
            return value.doubleValue == number
        case (.number, _): return false
        case (.boolean(let flag), .true): return flag
        case (.boolean(let flag), .false): return !flag
        case (.boolean, _): return false
        case (.null, .null): return true
        case (.null, _): return false
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes end with `tail`.
    @inline(__always)
    func hasSuffix(_ tail: UnsafeBufferPointer<UInt8>) -> Bool {
        tail.count <= count && UnsafeBufferPointer(rebasing: self[(count - tail.count)...]).elementsEqual(tail)
    }
}
