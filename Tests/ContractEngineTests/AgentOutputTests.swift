import ContractEngine
import Testing

/// What the agent sends for what a script printed (docs/aws-behaviour.md#truncation), as the scenario contracts
/// expect it.
@Suite struct AgentOutputTests {
    @Test func stdoutBelowTheLimitIsUnchanged() {
        let printed = String(repeating: "x", count: 23_999)
        #expect(AgentOutput.standardOutput(printed) == printed)
    }

    @Test func stdoutAtOrOverTheLimitIsCutTo24000BytesEndingInTheMarker() {
        for count in [24_000, 30_000] {
            let sent = AgentOutput.standardOutput(String(repeating: "x", count: count))
            #expect(sent.utf8.count == 24_000)
            #expect(sent == String(repeating: "x", count: 23_980) + "--output truncated--")
        }
    }

    @Test func aCharacterCutInHalfArrivesAsOneReplacementPerStrayByte() {
        let japanese = AgentOutput.standardOutput(String(repeating: "日本", count: 10_000))
        #expect(japanese.unicodeScalars.count == 8_014)
        #expect(japanese.hasSuffix("日本日\u{FFFD}--output truncated--"))
        #expect(TextMeasure.agentBytes(japanese) == 24_000)
        // 23,980 = 3 × 7,993 + 1 with one leading byte short: two stray bytes need a leading "é" (2 bytes).
        let shifted = AgentOutput.standardOutput("é" + String(repeating: "日", count: 10_000))
        #expect(shifted.hasSuffix("日\u{FFFD}\u{FFFD}--output truncated--"))
        #expect(TextMeasure.agentBytes(shifted) == 24_000)
    }

    @Test func pluginOutputMergesTheStreamsUnderTheErrorTitle() {
        #expect(AgentOutput.pluginOutput(stdout: "hello\n", stderr: "") == "hello\n")
        #expect(
            AgentOutput.pluginOutput(stdout: "hello\n", stderr: "oops\n") == "hello\n\n----------ERROR-------\noops\n"
        )
    }

    @Test func pluginOutputOverTheLimitIsExactly2500BytesWithTheMarkers() {
        let both = AgentOutput.pluginOutput(
            stdout: String(repeating: "o", count: 3_000),
            stderr: String(repeating: "r", count: 3_000)
        )
        #expect(both.utf8.count <= 2_500 && both.utf8.count >= 2_499)
        #expect(both.contains("o\n---Output truncated---\n----------ERROR-------\nr"))
        #expect(both.hasSuffix("r\n---Error truncated----"))

        let stdoutOnly = AgentOutput.pluginOutput(stdout: String(repeating: "o", count: 3_000), stderr: "")
        #expect(stdoutOnly == String(repeating: "o", count: 2_477) + "\n---Output truncated---")

        let longError = AgentOutput.pluginOutput(stdout: "short", stderr: String(repeating: "r", count: 3_000))
        #expect(longError.utf8.count == 2_500)
        #expect(
            longError.hasPrefix("short\n----------ERROR-------\nrrr")
                && longError.hasSuffix("r\n---Error truncated----")
        )

        let longOutput = AgentOutput.pluginOutput(stdout: String(repeating: "o", count: 3_000), stderr: "short")
        #expect(longOutput.utf8.count == 2_500)
        #expect(longOutput.hasSuffix("o\n---Output truncated---\n----------ERROR-------\nshort"))
    }
}
