import Cassettes
import Foundation
import RawJSON
import TestSupport
import Testing

/// The examples in `Recordings/README.md` are real: they load, and the cassette example replays.
@Suite struct RecordingsReadmeTests {
    static func jsonBlock(containing marker: String) throws -> String {
        let readme = try String(contentsOf: PackageRoot.path("Recordings/README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```json\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        return try #require(
            blocks.first { $0.contains(marker) },
            "no json block with \(marker) in Recordings/README.md"
        )
    }

    @Test func theExampleCassetteLoadsAndReplays() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("example.json")
            try Data(try Self.jsonBlock(containing: "\"format\": \"ssm-contract.cassette\"").utf8).write(to: url)
            let cassette = try Cassette.load(from: url)
            #expect(cassette.header.source == .mock(name: "moto", version: "5.2.1"))
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let response = try await transport.send(
                ssmRequest(
                    "GetCommandInvocation",
                    #"{"InstanceId":"i-0123456789abcdef0","CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3"}"#
                )
            )
            #expect(
                text(response) == "{\"Status\": \"Success\", \"ResponseCode\": 0, \"StandardOutputContent\": \"hi\\n\"}"
            )
            #expect(
                response.headers["Content-Length"] == String(response.body.count),
                "the example's headers describe its body"
            )
        }
    }

    @Test func theExampleRulesFileLoads() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("redaction.json")
            try Data(try Self.jsonBlock(containing: "ssm-contract.redaction").utf8).write(to: url)
            let options = try RedactionOptions.load(from: url, environment: ["MY_DB_PASSWORD": "correct horse"])
            #expect(
                options.rules.count == 2 && options.credentialValues == ["correct horse"]
                    && options.headers == ["X-Internal-Ticket"]
            )
        }
    }
}
