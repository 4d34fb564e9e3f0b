import ContractEngine
import RawJSON
import Testing

/// Each predicate test of `Contracts/README.md` on the values that take its fast paths and its slow ones:
/// ASCII text compared byte for byte, escaped text, text that is not ASCII (compared as Swift compares
/// strings, where U+212A KELVIN SIGN is the letter K), numbers by value, and absent or null members.
///
/// A rule of one case `expect: [predicate]` with `if-absent: inconclusive` shows the predicate's result:
/// holds → pass, violated → fail, absent → inconclusive, unknown → not applicable.
@Suite struct FieldCheckTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let predicate: Predicate
        let body: String
        let request: String?
        let expected: Outcome
        var testDescription: String { "\(predicate.summary) on \(body) → \(expected.rawValue)" }
    }

    static func field(_ name: String, _ test: Predicate.Test, orEmpty: Bool = false) -> Predicate {
        Predicate(.field(FieldPath(name)), test, orEmpty: orEmpty)
    }

    static func oneOf(_ values: [String], ignoringCase: Bool = false) -> Predicate.Test {
        .oneOf(Set(values), ignoringCase: ignoringCase ? Set(values.map { $0.lowercased() }) : nil, listed: values)
    }

    static func example(_ predicate: Predicate, _ body: String, request: String? = nil, _ expected: Outcome) -> Example
    {
        Example(predicate: predicate, body: body, request: request, expected: expected)
    }

    static let examples: [Example] = {
        let status = field("Status", oneOf(["Success", "Failed"]))
        let anyCase = field("Status", oneOf(["Success", "OK"], ignoringCase: true))
        let okExact = field("Status", oneOf(["OK"]))
        let minusOne = field("ResponseCode", .equals(.number(JSONNumber(literal: "-1"))))
        let word = field("Status", .equals(.string("OK")))
        let flag = field("Enabled", .equals(.bool(true)))
        let object = field("Config", .equals(.object(JSONObject([JSONMember(key: "a", value: 1)]))))
        let marker = field("Out", .suffix("--output truncated--"))
        let threeCharacters = field("Out", .maxLength(3, .characters))
        let threeBytes = field("Out", .maxLength(3, .utf8Bytes))
        let atLeastThree = field("Out", .minLength(3, .characters))
        let instance = field(
            "InstanceId",
            .pattern(try! CompiledPattern(#"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)"#))
        )
        let uuid = field("CommandId", .format(.uuid))
        let utc = field("Start", .format(.utcDateTime))
        let integer = field("ResponseCode", .type(.integer))
        let absentField = field("Gone", .present(false))
        let orEmpty = field("Status", oneOf(["Success"]), orEmpty: true)
        let echoed = field("CommandId", .equalsRequest(FieldPath("CommandId")))
        let afterStart = field("End", .notBefore(FieldPath("Start")))
        let nested = field("Config.Name", oneOf(["x"]))
        return [
            example(status, #"{"Status":"Success"}"#, .pass),
            example(status, #"{"Status":"success"}"#, .fail),
            example(status, #"{"Status":"Succ\u0065ss"}"#, .pass),
            example(status, #"{"Status":"Success","Status":"Nope"}"#, .fail),  // the last member counts
            example(status, #"{"Status":5}"#, .fail),
            example(status, #"{"Status":null}"#, .inconclusive),
            example(status, #"{}"#, .inconclusive),
            example(anyCase, #"{"Status":"SUCCESS"}"#, .pass),
            example(anyCase, #"{"Status":"o\u212A"}"#, .pass),
            example(anyCase, #"{"Status":"Succes"}"#, .fail),
            example(okExact, #"{"Status":"O\u212A"}"#, .pass),
            example(okExact, #"{"Status":"O\u212B"}"#, .fail),
            example(okExact, "{\"Status\":\"O\u{212A}\"}", .pass),
            example(minusOne, #"{"ResponseCode":-1}"#, .pass),
            example(minusOne, #"{"ResponseCode":-1.0}"#, .pass),
            example(minusOne, #"{"ResponseCode":-1e0}"#, .pass),
            example(minusOne, #"{"ResponseCode":"-1"}"#, .fail),
            example(minusOne, #"{"ResponseCode":0}"#, .fail),
            example(word, #"{"Status":"OK"}"#, .pass),
            example(word, #"{"Status":"O\u004B"}"#, .pass),
            example(word, #"{"Status":"O\u212A"}"#, .pass),
            example(word, #"{"Status":"ok"}"#, .fail),
            example(word, #"{"Status":true}"#, .fail),
            example(flag, #"{"Enabled":true}"#, .pass),
            example(flag, #"{"Enabled":false}"#, .fail),
            example(flag, #"{"Enabled":1}"#, .fail),
            example(object, #"{"Config":{"a":1}}"#, .pass),
            example(object, #"{"Config":{"a":2}}"#, .fail),
            example(marker, #"{"Out":"abc--output truncated--"}"#, .pass),
            example(marker, #"{"Out":"a\n--output truncated--"}"#, .pass),
            example(marker, #"{"Out":"--output truncated-"}"#, .fail),
            example(threeCharacters, #"{"Out":"abc"}"#, .pass),
            example(threeCharacters, #"{"Out":"abcd"}"#, .fail),
            example(threeCharacters, #"{"Out":"\u00e9\u00e9\u00e9"}"#, .pass),
            example(threeCharacters, "{\"Out\":\"\u{e9}\u{e9}\u{e9}\"}", .pass),
            example(threeBytes, "{\"Out\":\"\u{e9}\u{e9}\u{e9}\"}", .fail),
            example(threeBytes, #"{"Out":"a\nb"}"#, .pass),
            example(atLeastThree, #"{"Out":"ab"}"#, .fail),
            example(atLeastThree, #"{"Out":"a\nb"}"#, .pass),
            example(instance, #"{"InstanceId":"i-1234567890abcdef0"}"#, .pass),
            example(instance, #"{"InstanceId":"mi-1234567890abcdef0"}"#, .pass),
            example(instance, #"{"InstanceId":"i-123"}"#, .fail),
            example(instance, #"{"InstanceId":"i-12345678\n"}"#, .pass),  // ICU's $ matches before a final newline
            example(instance, #"{"InstanceId":"i-1234567\u00e9"}"#, .pass),  // \w is any letter
            example(uuid, #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678"}"#, .pass),
            example(uuid, #"{"CommandId":"ef7fdfd8-9b57-4151-a15c"}"#, .fail),
            example(utc, #"{"Start":"2020-02-19T18:18:03.419Z"}"#, .pass),
            example(utc, #"{"Start":"2020-02-19T18:18:03.419+02:00"}"#, .fail),
            example(integer, #"{"ResponseCode":3}"#, .pass),
            example(integer, #"{"ResponseCode":3.0}"#, .pass),
            example(integer, #"{"ResponseCode":3.5}"#, .fail),
            example(integer, #"{"ResponseCode":"3"}"#, .fail),
            example(absentField, #"{}"#, .pass),
            example(absentField, #"{"Gone":1}"#, .fail),
            example(orEmpty, #"{"Status":""}"#, .pass),
            example(orEmpty, #"{"Status":"x"}"#, .fail),
            example(echoed, #"{"CommandId":"a"}"#, request: #"{"CommandId":"a"}"#, .pass),
            example(echoed, #"{"CommandId":"\u0061"}"#, request: #"{"CommandId":"a"}"#, .pass),
            example(echoed, #"{"CommandId":"b"}"#, request: #"{"CommandId":"a"}"#, .fail),
            example(echoed, #"{"CommandId":"a"}"#, request: #"{}"#, .notApplicable),
            example(echoed, #"{"CommandId":"a"}"#, .notApplicable),
            example(echoed, #"{}"#, request: #"{"CommandId":"a"}"#, .inconclusive),
            example(afterStart, #"{"Start":"2020-02-19T18:18:03Z","End":"2020-02-19T18:18:05Z"}"#, .pass),
            example(afterStart, #"{"Start":"2020-02-19T18:18:03Z","End":"2020-02-19T18:18:01Z"}"#, .fail),
            example(afterStart, #"{"Start":1582136283.0,"End":1582136285.5}"#, .pass),
            example(afterStart, #"{"End":"2020-02-19T18:18:05Z"}"#, .notApplicable),
            example(nested, #"{"Config":{"Name":"x"}}"#, .pass),
            example(nested, #"{"Config":{"Name":"y"}}"#, .fail),
            example(nested, #"{"Config":{}}"#, .inconclusive),
            example(nested, #"{"Config":"Name"}"#, .inconclusive),
        ]
    }()

    @Test(arguments: examples)
    func predicateResult(_ example: Example) throws {
        let rule = DataRule(cases: [RuleCase(expect: [example.predicate], ifAbsent: .inconclusive)])
        let body = try JSONTape.parse(example.body).root
        let request = try example.request.map { try JSONTape.parse($0).root }
        #expect(rule.evaluate(subject: body, request: request).outcome == example.expected)
    }

    /// A failing subject's verdict names the field, the value found and the expectation, whatever path the
    /// check took to decide.
    @Test func failureNamesTheFieldAndValue() throws {
        let rule = DataRule(cases: [RuleCase(expect: [Self.field("Status", Self.oneOf(["Success"]))])])
        let verdict = rule.evaluate(subject: try JSONTape.parse(#"{"Status":"Sucess"}"#).root, request: nil)
        #expect(verdict.outcome == .fail)
        #expect(verdict.field == "Status")
        #expect(verdict.value == .string("Sucess"))
        #expect(verdict.detail == "expected Status is one of Success")
    }
}
