import Foundation
import RawJSON
import Testing

/// The tape is the one parse: it reads like the ``JSONValue`` it materializes, skips subtrees, decodes strings
/// only when read, and rejects exactly what ``JSONParser`` rejects, at the same offset.
@Suite struct JSONTapeTests {
    static let document = #"""
        {"a": 1.5E9, "s": "plain", "e": "tab\tquote\" \u00e9 \ud83d\ude00", "n": null, "t": true, "f": false,
         "list": [1, [2, {"deep": "x"}], {}], "obj": {"inner": [], "k": "v"}, "dup": 1, "dup": 2, "ü": "é"}
        """#

    @Test func readsLikeTheValueItMaterializes() throws {
        let tape = try JSONTape.parse(Self.document)
        let root = tape.root
        #expect(root.json == (try JSONParser.parse(Self.document)))
        #expect(root.kind == .object && root.count == 11)
        #expect(root["a"]?.numberValue?.literal == "1.5E9")
        #expect(root["s"]?.stringValue == "plain")
        #expect(root["e"]?.stringValue == "tab\tquote\" é 😀")
        #expect(root["n"]?.isNull == true)
        #expect(root["t"]?.boolValue == true && root["f"]?.boolValue == false)
        #expect(root["dup"]?.intValue == 2, "the last member of a repeated name, as JSONObject reads it")
        #expect(root["ü"]?.stringValue == "é")
        #expect(root["missing"] == nil)
        // Skipping subtrees: the member after a nested list is found, elements are in order.
        #expect(root["list"]?.arrayValue?.count == 3)
        #expect(root["list"]?[1]?[1]?["deep"]?.stringValue == "x")
        #expect(root["list"]?[2]?.kind == .object)
        #expect(root["obj"]?["k"]?.stringValue == "v")
        #expect(root["list"]?[3] == nil)
    }

    @Test func stringsAreComparedAndMeasuredOnTheirBytes() throws {
        let root = try JSONTape.parse(Self.document).root
        #expect(root["s"]?.isString("plain") == true)
        #expect(root["s"]?.isString("plai") == false)
        #expect(root["e"]?.isString("tab\tquote\" é 😀") == true, "an escaped string is decoded to compare")
        #expect(root["s"]?.isASCIIString == true && root["e"]?.isASCIIString == false)
        #expect(root["ü"]?.withUTF8 { Array($0) } == Array("é".utf8))
        #expect(root["a"]?.withUTF8 { _ in 0 } == nil, "a number has no text")
    }

    @Test func aValueOfItsOwnRoundTrips() {
        let value: JSONValue = ["x": [1, "two", .null, ["y": false]], "z": "é\n"]
        #expect(JSONTape(value).root.json == value)
    }

    @Test(arguments: [
        ("", "unexpected end of input, expected a value (truncated JSON?)", 0),
        ("[1,", "unexpected end of input, expected a value (truncated JSON?)", 3),
        (#"{"a" 1}"#, "unexpected character '1', expected ':' after member name \"a\"", 5),
        ("[1 2]", "unexpected character '2', expected ',' or ']' in array", 3),
        ("01", "unexpected character '1' after the end of the JSON value", 1),
        ("-", "unexpected end of input, expected a digit (truncated JSON?)", 1),
        ("1.", "unexpected end of input, expected a digit (truncated JSON?)", 2),
        ("tru", "unexpected end of input, expected 'true' (truncated JSON?)", 3),
        (#""abc"#, "unterminated string (truncated JSON?)", 0),
        (#""\x""#, "invalid escape '\\x' in string", 1),
        (#""\u12G4""#, "invalid \\u escape: expected 4 hex digits", 5),
        ("\"a\u{01}b\"", "unescaped control character 0x1 in string", 2),
        ("<html>", "found '<' where a JSON value should start (an HTML or XML page, not JSON)", 0),
        (#"{"a":1,}"#, "unexpected character '}', expected a member name in double quotes", 7),
        (#""\"#, "unterminated string (truncated JSON?)", 0),
    ])
    func rejectsInvalidDocumentsSayingWhereAndWhy(_ text: String, _ reason: String, _ offset: Int) {
        #expect(throws: JSONParseError(reason: reason, offset: offset, line: 1, column: offset + 1)) {
            try JSONTape.parse(text)
        }
    }

    @Test func rejectsInvalidUTF8WithItsOffset() {
        for bytes: [UInt8] in [
            [0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            [0x22, 0xE0, 0x80, 0xAF, 0x22], [0x22, 0x80, 0x22],
        ] {
            #expect(throws: JSONParseError(reason: "invalid UTF-8 in string", offset: 1, line: 1, column: 2)) {
                try JSONTape.parse(bytes)
            }
        }
        #expect((try? JSONTape.parse([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]))?.root.stringValue == "😀")
    }

    @Test func errorsNameTheLineAndColumn() {
        #expect(
            throws: JSONParseError(
                reason: "unexpected end of input, expected ',' or '}' (truncated JSON?)",
                offset: 12,
                line: 2,
                column: 7
            )
        ) {
            try JSONTape.parse("{\"a\":\n \"xyz\"")
        }
    }
}
