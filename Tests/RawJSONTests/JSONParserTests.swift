import Foundation
import RawJSON
import Testing

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndNumberLiterals() throws {
        let text = #"{"b":1.54208164084E9,"a":[true,false,null],"c":-0.5e-3,"d":"x"}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["b", "a", "c", "d"])
        #expect(value["b"]?.numberValue?.literal == "1.54208164084E9")
        #expect(value["b"]?.numberValue?.usesExponent == true)
        #expect(value["b"]?.doubleValue == 1_542_081_640.84)
        #expect(JSONWriter.string(value) == text)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00\ud800x"]"#)
        #expect(value[0]?.stringValue == "a\"b\\c/d\n\té😀\u{FFFD}x")
    }

    @Test func compactRoundTripOfWriterOutput() throws {
        let value: JSONValue = ["k": "line\nbreak \u{01} \"q\"", "n": 3, "e": [], "o": [:]]
        let bytes = JSONWriter.bytes(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"k":"line\nbreak \u0001 \"q\"","n":3,"e":[],"o":{}}"#)
    }

    @Test func prettyOutputIsStable() {
        let value: JSONValue = ["a": [1, 2], "b": ["c": nil]]
        #expect(
            JSONWriter.string(value, style: .pretty)
                == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": null\n  }\n}"
        )
    }

    @Test(arguments: [
        (#"{"a":1"#, "unexpected end of input, expected ',' or '}' (truncated JSON?) at line 1, column 7"),
        (
            "<html><body>500</body></html>",
            "found '<' where a JSON value should start (an HTML or XML page, not JSON) at line 1, column 1"
        ),
        ("{\n  \"a\": tru }", "invalid literal, expected 'true' at line 2, column 8"),
        (#"{"a":1} x"#, "unexpected character 'x' after the end of the JSON value at line 1, column 9"),
        (#"[01]"#, "unexpected character '1', expected ',' or ']' in array at line 1, column 3"),
        (#"{"a":"x"#, "unterminated string (truncated JSON?) at line 1, column 6"),
        ("", "unexpected end of input, expected a value (truncated JSON?) at line 1, column 1"),
    ])
    func reportsWhereAndWhat(input: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func semanticEqualityIgnoresKeyOrderAndNumberSpelling() throws {
        let a = try JSONParser.parse(#"{"x":1500000000,"y":{"p":[1,2],"q":"s"}}"#)
        let b = try JSONParser.parse(#"{ "y": {"q":"s","p":[1,2]}, "x": 1.5E9 }"#)
        let c = try JSONParser.parse(#"{"x":1500000000,"y":{"p":[2,1],"q":"s"}}"#)
        #expect(a.semanticallyEquals(b))
        #expect(!a.semanticallyEquals(c))
        #expect(a != b)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func rejectsExcessiveNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }
}
