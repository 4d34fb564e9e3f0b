import Foundation
import RawJSON
import SSMEmulator
import TestSupport
import Testing

/// Output over the limits, through boto3: the agent's byte cuts, markers, U+FFFD and the plugin Output merge.
@Suite(.timeLimit(.minutes(2))) struct EmulatorOutputTests {
    static let script = """
        runs = {
            "ascii": ["head -c 30000 /dev/zero | tr '\\\\0' a"],
            "nihon": ["yes 日本 | head -n 10000 | tr -d '\\\\n'"],
            "stderr": ["head -c 9000 /dev/zero | tr '\\\\0' e >&2"],
            "both": ["head -c 3000 /dev/zero | tr '\\\\0' o", "head -c 3000 /dev/zero | tr '\\\\0' r >&2"],
        }
        ids = {name: send(commands, [sys.argv[2]]) for name, commands in runs.items()}
        result = {}
        for name, cid in ids.items():
            last = poll(cid, sys.argv[2])[-1]
            listed = ssm.list_command_invocations(CommandId=cid, Details=True)["CommandInvocations"]
            result[name] = {"get": last, "output": listed[0]["CommandPlugins"][0]["Output"]}
        emit(result)
        """

    @Test func longOutputIsCutAsTheAgentCutsIt() async throws {
        let result = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
            try await EmulatorFixtures.boto3(
                Self.script,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
        }
        let ascii = try #require(result["ascii"]?["get"]?["StandardOutputContent"]?.stringValue)
        #expect(ascii.utf8.count == 24_000 && ascii.count == 24_000)
        #expect(ascii.hasSuffix("a--output truncated--"))
        #expect(result["ascii"]?["get"]?["Status"]?.stringValue == "Success")

        let nihon = try #require(result["nihon"]?["get"]?["StandardOutputContent"]?.stringValue)
        #expect(nihon.count == 8_014, "10,000 × 日本 arrives as 8,014 characters")
        #expect(nihon.hasSuffix("日本日\u{FFFD}--output truncated--"))

        let stderr = try #require(result["stderr"]?["get"]?["StandardErrorContent"]?.stringValue)
        #expect(stderr.count == 8_000 && stderr.hasSuffix("e--output truncated--"))
        #expect(result["stderr"]?["get"]?["StandardOutputContent"]?.stringValue == "")

        let merged = try #require(result["ascii"]?["output"]?.stringValue)
        #expect(merged.utf8.count == 2_500 && merged.hasSuffix("a\n---Output truncated---"))
        let both = try #require(result["both"]?["output"]?.stringValue)
        #expect(both.utf8.count == 2_500)
        #expect(both.hasPrefix("ooo") && both.contains("o\n---Output truncated---\n----------ERROR-------\nrrr"))
        #expect(both.hasSuffix("r\n---Error truncated----"))
        // Split evenly: as many bytes of stdout as of stderr.
        let outPart = try #require(both.components(separatedBy: "\n---Output truncated---").first)
        let errPart = try #require(
            both.components(separatedBy: "----------ERROR-------\n").last?.components(
                separatedBy: "\n---Error truncated----"
            ).first
        )
        #expect(
            outPart.utf8.count == errPart.utf8.count && outPart.allSatisfy { $0 == "o" }
                && errPart.allSatisfy { $0 == "r" }
        )
    }
}
