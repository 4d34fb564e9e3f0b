import ContractRunners
import Foundation
import HTTPTransport
import TestSupport
import Testing

// docs/serve-and-proxy.md's in-process example, verbatim after `import ContractRunners` (the test checks the page
// still says this).
// BEGIN DOCS EXAMPLE
/// Serves `files` while `runSDKUnderTest` talks to them; returns what was served.
func replaySummary(
    of files: [URL],
    runSDKUnderTest: @Sendable (String) async throws -> Void
) async throws -> ReplaySummary {
    try await ReplayServer.withServer(cassettes: files, options: ReplayServerOptions(exhaustion: .fail)) { server in
        try await runSDKUnderTest(server.baseURL)  // e.g. the AWS CLI or a boto3 script with --endpoint-url
        return server.summary  // answered, misses, per-cassette unused interactions
    }
}
// END DOCS EXAMPLE

@Suite struct ServeReadmeExampleTests {
    @Test func theReadmeShowsThisExampleAndItRuns() async throws {
        let readme = try String(contentsOf: PackageRoot.path("docs/serve-and-proxy.md"), encoding: .utf8)
        let example = try DocsExample.quoted(inSourceFile: #filePath)
        #expect(readme.contains("```swift\nimport ContractRunners\n\n" + example + "```"))

        let file = PackageRoot.path("Recordings/aws-docs/get-command-invocation-cli-example.json")
        let summary = try await replaySummary(of: [file]) { endpoint in
            try await CurlTransport.withCurlTransport { curl in
                let request = HTTPRequest(
                    method: "POST",
                    url: endpoint + "/",
                    headers: [
                        "X-Amz-Target": "AmazonSSM.GetCommandInvocation", "Content-Type": "application/x-amz-json-1.1",
                    ],
                    body: Data(
                        #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-1234567890abcdef0"}"#.utf8
                    )
                )
                _ = try await curl.send(request)
                _ = try await curl.send(request)  // exhaustion fail: the second ask is a miss
            }
        }
        #expect(summary.answered == 1 && summary.misses.count == 1 && summary.unusedCount == 0)
    }
}
