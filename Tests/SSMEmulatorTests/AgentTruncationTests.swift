import Testing

@testable import SSMEmulator

/// The agent's byte cuts and Go's U+FFFD, on the figures the research gives (docs/aws-behaviour.md#truncation).
@Suite struct AgentTruncationTests {
    @Test func stdoutOfExactlyTheLimitIsCutAndMarked() {
        let cut = AgentTruncation.prefix(Array(repeating: UInt8(ascii: "a"), count: 24_000), maximum: 24_000)
        #expect(cut.count == 24_000)
        #expect(String(decoding: cut.suffix(20), as: UTF8.self) == "--output truncated--")
        let under = AgentTruncation.prefix(Array(repeating: UInt8(ascii: "a"), count: 23_999), maximum: 24_000)
        #expect(under.count == 23_999)
    }

    @Test func aSplitThreeByteCharacterArrivesAsReplacementCharacters() {
        let text = GoJSONText.string(
            AgentTruncation.prefix(Array(String(repeating: "日本", count: 10_000).utf8), maximum: 24_000)
        )
        #expect(text.count == 8_014)
        #expect(text.hasSuffix("日本日\u{FFFD}--output truncated--"))
        // Two bytes of a three-byte character: one U+FFFD per byte, as Go writes them.
        #expect(GoJSONText.string([0xE6, 0x97, 0x2D]) == "\u{FFFD}\u{FFFD}-")
    }

    @Test func pluginOutputMergesTheStreamsAndSplitsEvenlyWhenBothAreLong() {
        let both = AgentTruncation.pluginOutput(
            stdout: Array(repeating: 0x61, count: 3000),
            stderr: Array(repeating: 0x62, count: 3000)
        )
        #expect(both.count == 2_500)
        let text = String(decoding: both, as: UTF8.self)
        #expect(text.contains("\n---Output truncated---\n----------ERROR-------\n"))
        #expect(text.hasSuffix("\n---Error truncated----"))
        let short = AgentTruncation.pluginOutput(stdout: Array("out\n".utf8), stderr: Array("err\n".utf8))
        #expect(String(decoding: short, as: UTF8.self) == "out\n\n----------ERROR-------\nerr\n")
        let onlyOut = AgentTruncation.pluginOutput(stdout: Array(repeating: 0x61, count: 3000), stderr: [])
        #expect(
            onlyOut.count == 2_500 && String(decoding: onlyOut, as: UTF8.self).hasSuffix("a\n---Output truncated---")
        )
    }

    @Test func durationsAreWrittenAsJavaDoes() {
        #expect(WireTime.duration(milliseconds: 91) == "PT0.091S")
        #expect(WireTime.duration(milliseconds: 2_440) == "PT2.44S")
        #expect(WireTime.duration(milliseconds: 3_600_271) == "PT1H0.271S")
        #expect(WireTime.duration(milliseconds: 0) == "PT0S")
        #expect(WireTime.duration(milliseconds: 60_000) == "PT1M")
    }
}
