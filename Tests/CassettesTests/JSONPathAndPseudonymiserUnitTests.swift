import Foundation
import RawJSON
import Testing

@testable import Cassettes

@Suite struct JSONPathAndPseudonymiserUnitTests {
    static let document: JSONValue = try! JSONParser.parse(
        #"{"A":[{"B":1,"Comment":"x"},{"B":2,"Inner":{"Comment":"y"}}],"odd key":["p","q"],"Comment":"top"}"#
    )

    @Test(arguments: [
        (
            "$.A[*].B",
            #"{"A":[{"B":"R","Comment":"x"},{"B":"R","Inner":{"Comment":"y"}}],"odd key":["p","q"],"Comment":"top"}"#, 2
        ),
        (
            "$..Comment",
            #"{"A":[{"B":1,"Comment":"R"},{"B":2,"Inner":{"Comment":"R"}}],"odd key":["p","q"],"Comment":"R"}"#, 3
        ),
        (
            "$['odd key'][1]",
            #"{"A":[{"B":1,"Comment":"x"},{"B":2,"Inner":{"Comment":"y"}}],"odd key":["p","R"],"Comment":"top"}"#, 1
        ),
        (
            "$.A[5].B",
            #"{"A":[{"B":1,"Comment":"x"},{"B":2,"Inner":{"Comment":"y"}}],"odd key":["p","q"],"Comment":"top"}"#, 0
        ),
        ("$", #""R""#, 1),
    ])
    func pathsReplaceExactlyTheNodesTheySelect(path: String, expected: String, count: Int) throws {
        let (result, replaced) = try JSONPath(path).replacing(in: Self.document, with: "R")
        #expect(JSONWriter.string(result) == expected)
        #expect(replaced == count)
    }

    @Test(arguments: ["A.B", "$.", "$[x]", "$..", "$.A[*"])
    func malformedPathsSayWhere(path: String) {
        let error = #expect(throws: CassetteConfigurationError.self) { try JSONPath(path) }
        #expect(error?.message.hasPrefix("JSON path \"\(path)\": ") == true)
    }

    @Test func pseudonymsDependOnTheSaltOnlyAndNeverCollide() {
        let text = "i-0123456789abcdef0 123456789012 172.31.5.17 3f7b9c2e-1d4a-4e5b-9c8d-7a6b5c4d3e2f"
        let salt = Data(repeating: 7, count: 16)
        let a = Pseudonymiser(kinds: Set(PseudonymKind.allCases), salt: salt, secret: nil, leavesPseudonyms: false)
            .apply(text)
        let b = Pseudonymiser(kinds: Set(PseudonymKind.allCases), salt: salt, secret: nil, leavesPseudonyms: false)
            .apply(text)
        let other = Pseudonymiser(
            kinds: Set(PseudonymKind.allCases),
            salt: Data(repeating: 8, count: 16),
            secret: nil,
            leavesPseudonyms: false
        ).apply(text)
        let keyed = Pseudonymiser(kinds: Set(PseudonymKind.allCases), salt: salt, secret: "k", leavesPseudonyms: false)
            .apply(text)
        #expect(a == b)
        #expect(a != other && a != keyed)
        let (original, pseudonymised) = (text.split(separator: " "), a.split(separator: " "))
        #expect(zip(original, pseudonymised).allSatisfy { $0 != $1 })
        #expect(
            pseudonymised[0].count == original[0].count && pseudonymised[1].count == 12 && pseudonymised[3].count == 36
        )
        #expect(pseudonymised[2].hasPrefix("10."))
        // 5000 distinct account ids get 5000 distinct pseudonyms.
        let many = Pseudonymiser(kinds: [.accountID], salt: salt, secret: nil, leavesPseudonyms: false)
        let pseudonyms = Set((0..<5000).map { many.apply(String(100_000_000_000 + $0)) })
        #expect(pseudonyms.count == 5000 && pseudonyms.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isNumber) })
        // Only the enabled kinds change.
        let onlyInstances = Pseudonymiser(kinds: [.instanceID], salt: salt, secret: nil, leavesPseudonyms: false).apply(
            text
        )
        #expect(
            onlyInstances.hasSuffix(" 123456789012 172.31.5.17 3f7b9c2e-1d4a-4e5b-9c8d-7a6b5c4d3e2f")
                && !onlyInstances.hasPrefix("i-0123456789abcdef0")
        )
    }
}
