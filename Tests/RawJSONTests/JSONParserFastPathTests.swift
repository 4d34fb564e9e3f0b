import Foundation
import RawJSON
import Testing

/// The parser's fast paths (reused strings, moved containers, ASCII strings without re-validation) must give
/// exactly what a plain reading of the document gives.
@Suite struct JSONParserFastPathTests {
    @Test func repeatedNamesAndValuesKeepTheirText() throws {
        // The same long name and value over and over (the parser reuses the first string made for them), and
        // names that collide in length but differ in text.
        let item =
            #"{"ExecutionStartDateTime":"2026-01-01T00:00:01.419Z","ExecutionEndDateTime":"2026-01-01T00:00:03.419Z","n":1.767225600089E9}"#
        let text = "[" + Array(repeating: item, count: 300).joined(separator: ",") + "]"
        let value = try JSONParser.parse(text)
        let items = try #require(value.arrayValue)
        #expect(items.count == 300)
        for element in items {
            #expect(element.objectValue?.keys == ["ExecutionStartDateTime", "ExecutionEndDateTime", "n"])
            #expect(element["ExecutionStartDateTime"]?.stringValue == "2026-01-01T00:00:01.419Z")
            #expect(element["ExecutionEndDateTime"]?.stringValue == "2026-01-01T00:00:03.419Z")
            #expect(element["n"]?.numberValue?.literal == "1.767225600089E9")
        }
        #expect(JSONWriter.string(value) == text)
    }

    @Test func manyDistinctStringsAndDeepContainers() throws {
        // More distinct strings than the reuse table has slots, nested objects and arrays of every size.
        var members: [String] = []
        for i in 0..<5000 {
            members.append(
                #""key-\#(i)":["value-\#(i)",{"k":[\#(i),[],{}]},"\#(String(repeating: "x", count: i % 200))"]"#
            )
        }
        let text = "{" + members.joined(separator: ",") + "}"
        let value = try JSONParser.parse(text)
        let object = try #require(value.objectValue)
        #expect(object.count == 5000)
        #expect(object["key-4321"]?[0]?.stringValue == "value-4321")
        #expect(object["key-4321"]?[1]?["k"]?[0]?.intValue == 4321)
        #expect(object["key-199"]?[2]?.stringValue == String(repeating: "x", count: 199))
        #expect(JSONWriter.string(value) == text)
    }

    @Test func nonASCIIStringsAreValidated() throws {
        let value = try JSONParser.parse(#"{"日本":"語 é 😀 \ufffd","a":"\u00e9"}"#)
        #expect(value["日本"]?.stringValue == "語 é 😀 \u{FFFD}")
        #expect(value["a"]?.stringValue == "é")
        // Overlong encoding, a lone continuation byte, a truncated sequence, an encoded surrogate.
        for bad: [UInt8] in [[0xC0, 0xAF], [0x80], [0xE6, 0x97], [0xED, 0xA0, 0x80]] {
            let document: [UInt8] = [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22] + bad + [0x22, 0x7D]
            do {
                _ = try JSONParser.parse(document)
                Issue.record("accepted invalid UTF-8 \(bad)")
            } catch {
                #expect(error.description == "invalid UTF-8 in string at line 1, column 7")
            }
        }
    }

    @Test func errorsInsideContainersStillNameThePlace() {
        // A failure deep inside open containers (their members are on the parser's scratch stacks).
        do {
            _ = try JSONParser.parse("{\"a\":[{\"b\":[1,2,{\"c\":\"long string value here\",\"d\":tru}]}]}")
            Issue.record("accepted an invalid literal")
        } catch {
            #expect(error.description == "invalid literal, expected 'true' at line 1, column 51")
        }
    }

    @Test func parsesEveryInputForm() throws {
        let text = #"  {"a":[1,"two",{"three":3}]}  "#
        let expected = try JSONParser.parse(text)
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
        #expect(try JSONParser.parse(text.utf8) == expected)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Data()) }
    }
}
