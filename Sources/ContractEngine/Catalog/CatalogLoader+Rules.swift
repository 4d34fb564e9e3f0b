import RawJSON
import YAMLTree

extension CatalogLoader {
    static func dataRule(_ node: YAMLTree, _ reader: YAMLReader, _ what: String) throws(CatalogError) -> DataRule {
        let map = try reader.mapping(node, "\(what).rule")
        if let cases = map["cases"] {
            try reader.onlyKeys(map, ["cases"], in: "\(what).rule")
            var result: [RuleCase] = []
            for item in try reader.sequence(cases, "\(what).rule.cases") {
                result.append(try ruleCase(item, reader, what))
            }
            return DataRule(cases: result)
        }
        return DataRule(cases: [try ruleCase(node, reader, what)])
    }

    static func ruleCase(_ node: YAMLTree, _ reader: YAMLReader, _ what: String) throws(CatalogError) -> RuleCase {
        let map = try reader.mapping(node, "\(what).rule")
        try reader.onlyKeys(map, caseKeys, in: "\(what).rule")
        func list(_ key: String) throws(CatalogError) -> [Predicate] {
            guard let value = map[key] else { return [] }
            var result: [Predicate] = []
            for item in reader.items(value) { result.append(try predicate(item, reader, "\(what).rule.\(key)")) }
            return result
        }
        func outcome(_ key: String) throws(CatalogError) -> Outcome? {
            guard let text = try reader.optionalString(map, key, in: "\(what).rule") else { return nil }
            guard let outcome = Outcome(rawValue: text) else {
                throw reader.fail(
                    map[key],
                    "\(what).rule.\(key) \"\(text)\" is not pass, fail, not-applicable or inconclusive"
                )
            }
            return outcome
        }
        let ruleCase = RuleCase(
            when: try list("when"),
            whenAny: try list("when-any"),
            outcome: try outcome("outcome"),
            expect: try list("expect"),
            confirm: try list("confirm"),
            inconclusiveIf: try list("inconclusive-if"),
            ifAbsent: try outcome("if-absent") ?? .notApplicable,
            note: try reader.optionalString(map, "note", in: "\(what).rule")
        )
        if ruleCase.outcome == nil, ruleCase.expect.isEmpty, ruleCase.confirm.isEmpty {
            throw reader.fail(node, "\(what).rule needs expect, confirm or outcome")
        }
        return ruleCase
    }

    static func predicate(_ node: YAMLTree, _ reader: YAMLReader, _ what: String) throws(CatalogError) -> Predicate {
        let map = try reader.mapping(node, what)
        try reader.onlyKeys(map, predicateKeys, in: what)
        let operand: Predicate.Operand
        switch (try reader.optionalString(map, "field", in: what), try reader.optionalString(map, "request", in: what))
        {
        case (let field?, nil): operand = .field(FieldPath(field))
        case (nil, let request?): operand = .request(FieldPath(request))
        default: throw reader.fail(node, "\(what): name exactly one of field or request")
        }
        let present = testKeys.filter { map[$0] != nil }
        guard present.count == 1, let key = present.first, let value = map[key] else {
            throw reader.fail(node, "\(what): give exactly one test (\(testKeys.joined(separator: ", ")))")
        }
        let unitText = try reader.optionalString(map, "unit", in: what) ?? "characters"
        guard let unit = Predicate.TextUnit(rawValue: unitText) else {
            throw reader.fail(map["unit"], "\(what): unit \"\(unitText)\" is not characters, utf8-bytes or agent-bytes")
        }
        let ignoreCase = map["ignore-case"].flatMap(reader.bool) ?? false
        let orEmpty = map["or-empty"].flatMap(reader.bool) ?? false
        let test: Predicate.Test
        switch key {
        case "one-of":
            let values = try reader.strings(value, "\(what).one-of")
            test = .oneOf(
                Set(values),
                ignoringCase: ignoreCase ? Set(values.map { $0.lowercased() }) : nil,
                listed: values
            )
        case "equals": test = .equals(reader.json(value))
        case "type":
            let text = try reader.string(value, "\(what).type")
            guard let kind = Predicate.Kind(rawValue: text) else {
                throw reader.fail(
                    value,
                    "\(what): type \"\(text)\" is not one of \(Predicate.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            test = .type(kind)
        case "format":
            let text = try reader.string(value, "\(what).format")
            guard let format = ValueFormat(rawValue: text) else {
                throw reader.fail(
                    value,
                    "\(what): format \"\(text)\" is not one of \(ValueFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            test = .format(format)
        case "pattern":
            let text = try reader.string(value, "\(what).pattern")
            do {
                test = .pattern(try CompiledPattern(text))
            } catch {
                throw reader.fail(value, "\(what): \"\(text)\" is not a valid regular expression")
            }
        case "max-length": test = .maxLength(try reader.int(value, "\(what).max-length"), unit)
        case "min-length": test = .minLength(try reader.int(value, "\(what).min-length"), unit)
        case "suffix": test = .suffix(try reader.string(value, "\(what).suffix"))
        case "present":
            guard let flag = reader.bool(value) else {
                throw reader.fail(value, "\(what): present must be true or false")
            }
            test = .present(flag)
        case "equals-request": test = .equalsRequest(FieldPath(try reader.string(value, "\(what).equals-request")))
        default: test = .notBefore(FieldPath(try reader.string(value, "\(what).not-before")))
        }
        return Predicate(operand, test, orEmpty: orEmpty)
    }
}
