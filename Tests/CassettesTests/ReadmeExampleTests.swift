import Cassettes
import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

// docs/record.md's "Record and replay in Swift" example, verbatim (ReadmeExampleTests checks that the page still says this).
// BEGIN DOCS EXAMPLE
/// Replays one GetCommandInvocation call from `cassette`, or records it with SSM_CONTRACT_RECORD_MODE=record.
func commandInvocation(endpoint: String, cassette: URL, credentials: [String]) async throws -> HTTPResponse {
    let options = CassetteOptions(
        redaction: RedactionOptions(credentialValues: credentials),  // scrubbed anywhere before writing
        pseudonymisation: PseudonymisationOptions(),  // optional: format-preserving ids
        source: .mock(name: "moto", version: "5.2.1"),
        region: "us-east-1"
    )
    let request = HTTPRequest(
        method: "POST",
        url: endpoint + "/",
        headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.GetCommandInvocation"],
        body: Data(#"{"CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3","InstanceId":"i-0123456789abcdef0"}"#.utf8)
    )
    return try await CurlTransport.withCurlTransport { curl in
        try await CassetteTransport.withCassette(
            file: cassette,
            mode: try RecordMode.fromEnvironment(),
            upstream: curl,
            options: options
        ) { transport in
            try await transport.send(request)  // real code sends SigV4-signed requests (AWSWire)
        }
    }
}
// END DOCS EXAMPLE

@Suite struct ReadmeExampleTests {
    @Test func theReadmeShowsTheExampleThatCompilesHere() throws {
        let readme = try String(contentsOf: PackageRoot.path("docs/record.md"), encoding: .utf8)
        let example = try DocsExample.quoted(inSourceFile: #filePath)
        #expect(
            readme.contains("```swift\nimport Cassettes\nimport Foundation\nimport HTTPTransport\n\n" + example + "```")
        )
    }

    @Test func theExampleReplaysARecordingWithoutTouchingTheServer() async throws {
        try await withTemporaryFolder { folder in
            let cassette = folder.appendingPathComponent("get-command-invocation.json")
            try await LoopbackHTTPServer.withServer(handler: { _ in
                HTTPResponse(
                    status: 200,
                    headers: ["Content-Type": "application/x-amz-json-1.1"],
                    body: Data(#"{"Status":"Success"}"#.utf8)
                )
            }) { server in
                try await CurlTransport.withCurlTransport { curl in
                    try await CassetteTransport.withCassette(
                        file: cassette,
                        mode: .record,
                        upstream: curl,
                        options: .init(source: .mock(name: "moto", version: "5.2.1"))
                    ) { transport in
                        _ = try await transport.send(
                            HTTPRequest(
                                method: "POST",
                                url: server.baseURL + "/",
                                headers: ["X-Amz-Target": "AmazonSSM.GetCommandInvocation"],
                                body: Data(
                                    #"{"InstanceId":"i-0123456789abcdef0","CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3"}"#
                                        .utf8
                                )
                            )
                        )
                    }
                }
                let recorded = server.requestCount
                let response = try await commandInvocation(
                    endpoint: server.baseURL,
                    cassette: cassette,
                    credentials: ["not-a-real-secret"]
                )
                #expect(String(decoding: response.body, as: UTF8.self) == #"{"Status":"Success"}"#)
                if (try RecordMode.fromEnvironment()) == .replay { #expect(server.requestCount == recorded) }
            }
        }
    }
}
