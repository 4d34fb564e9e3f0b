import Foundation
import SSMEmulator
import TestSupport
import Testing

// docs/emulate.md's in-Swift example after its `import SSMEmulator`, verbatim (the test checks the page says this).
// BEGIN DOCS EXAMPLE
/// Runs `runSDKUnderTest` against an emulator with one online and one offline managed node.
func withTestEmulator(_ runSDKUnderTest: @Sendable (String) async throws -> Void) async throws {
    var options = EmulatorOptions(instanceIDs: ["i-0123456789abcdef0"], offlineInstanceIDs: ["i-0aaaabbbbccccdddd"])
    options.clock = .scaled(20)  // the emulator's delays 20 times shorter
    options.timing = EmulatorTiming(minimumExecutionTimeout: 1)  // allow an executionTimeout of 1 s
    try await SSMEmulator.withEmulator(options: options) { emulator in
        try await runSDKUnderTest(emulator.baseURL)  // e.g. boto3 or the AWS CLI with --endpoint-url
    }
}
// END DOCS EXAMPLE

@Suite(.timeLimit(.minutes(1))) struct EmulateDocsExampleTests {
    @Test func thePageShowsThisExampleAndItRuns() async throws {
        let page = try String(contentsOf: PackageRoot.path("docs/emulate.md"), encoding: .utf8)
        let example = try DocsExample.quoted(inSourceFile: #filePath)
        #expect(page.contains("```swift\nimport SSMEmulator\n\n" + example + "```"))
        try await withTestEmulator { endpoint in
            let nodes = try await EmulatorFixtures.boto3(
                """
                emit({n["InstanceId"]: n["PingStatus"] for n in ssm.describe_instance_information()["InstanceInformationList"]})
                """,
                endpoint: endpoint
            )
            #expect(nodes == ["i-0123456789abcdef0": "Online", "i-0aaaabbbbccccdddd": "ConnectionLost"])
        }
    }
}
