import ContractEngine
import RawJSON
import Testing

/// What a finding says must be exact: the size of a cut value, every field that broke the rule, and how many
/// error responses the run saw.
@Suite struct FindingTests {
    static func findings(_ report: VerificationReport, _ id: String) -> [Finding] {
        report.rows.first { $0.contract.id == id }?.targets.flatMap(\.findings) ?? []
    }

    @Test func aCutValueSaysItsLengthInCharactersAndBytesOfItsText() throws {
        let ascii = String(repeating: "a", count: 24_001)
        let report = Fixtures.report([Fixtures.gci(Fixtures.gciSuccess.with(["StandardOutputContent": .string(ascii)]))]
        )
        let finding = try #require(Self.findings(report, "output.stdout-limit").first)
        #expect(finding.path == "$.StandardOutputContent")
        // The JSON text of the value has two more bytes (its quotes); the finding counts the string itself.
        #expect(
            finding.value?.hasSuffix("… (24001 characters, 24001 UTF-8 bytes)") == true,
            "\(finding.value ?? "nil")"
        )

        let accented = String(repeating: "é", count: 24_001)
        let multibyte = Fixtures.report([
            Fixtures.gci(Fixtures.gciSuccess.with(["StandardOutputContent": .string(accented)]))
        ])
        let other = try #require(Self.findings(multibyte, "output.stdout-limit").first)
        #expect(other.value?.hasSuffix("… (24001 characters, 48002 UTF-8 bytes)") == true, "\(other.value ?? "nil")")
    }

    @Test func everyViolatingFieldOfAContractIsAFinding() {
        let broken = Fixtures.gciSuccess.with(["Status": 3, "ResponseCode": "zero", "DocumentName": false])
        let report = Fixtures.report([Fixtures.gci(broken)])
        let findings = Self.findings(report, "types.get-command-invocation")
        #expect(findings.map(\.path) == ["$.DocumentName", "$.ResponseCode", "$.Status"])
        #expect(
            findings.map(\.detail) == [
                "expected DocumentName is a JSON string", "expected ResponseCode is a JSON integer",
                "expected Status is a JSON string",
            ]
        )
        // One subject, one fail: the tally counts responses, the findings count fields.
        let row = report.rows.first { $0.contract.id == "types.get-command-invocation" }
        #expect(row?.targets.first?.tally.fail == 1)
        #expect(row?.targets.first?.findingCount == 3)
    }

    @Test func errorResponsesAreCountedHTMLPagesIncluded() {
        let html = Fixtures.observation(
            "GetCommandInvocation",
            request: Fixtures.gciRequest,
            body: .unreadable("HTTP 503: the body is an HTML page, not JSON"),
            status: 503
        )
        let truncated = Fixtures.observation(
            "GetCommandInvocation",
            request: Fixtures.gciRequest,
            body: .unreadable("the body is not JSON"),
            status: 200
        )
        let report = Fixtures.report([
            Fixtures.error("InvocationDoesNotExist"), html, truncated, Fixtures.gci(Fixtures.gciSuccess),
        ])
        #expect(report.observations == 4)
        #expect(
            report.errors == 2,
            "the AWS error and the HTML page; a truncated 200 is a broken success, not an error response"
        )
        #expect(report.text(title: "t").hasPrefix("t: 0 files, 4 responses (2 errors)"))
    }
}
