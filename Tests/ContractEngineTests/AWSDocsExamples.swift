import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import TestSupport

/// Rebuilds `Recordings/aws-docs/` from the example outputs on AWS's documentation pages: the two seed pages
/// (`Contracts/seeds/`) and the AWS CLI's example pages in the pinned awscli (`awscli/examples/ssm/`).
///
/// Each cassette holds one interaction: the request the example's command sends (awsJson1_1) and the example's
/// output as the response body (CLI v1 prints wire values, so the body is the wire document). `startedAt` is
/// the example's own request time where it shows one. Run `make aws-docs-recordings` to rewrite the files;
/// `AWSDocsRecordingsTests` fails when the committed files differ from what this produces.
enum AWSDocsExamples {
    /// One documentation example.
    struct Example {
        /// The cassette file name in `Recordings/aws-docs/`.
        let name: String
        /// The page the example is on.
        let page: URL
        /// Where the page is published.
        let citations: [String]
        let operation: String
        let request: JSONValue
        let startedAt: String
        let description: String
    }

    /// When the examples were rebuilt (fixed, so regeneration is reproducible).
    static let rebuiltAt = "2026-11-21T00:00:00.000Z"

    static var examplesFolder: URL {
        PythonTools.sitePackages.appendingPathComponent("awscli/examples/ssm")
    }

    static var examples: [Example] {
        let seeds = PackageRoot.path("Contracts/seeds")
        let gciRequest: JSONValue = [
            "CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678", "InstanceId": "i-1234567890abcdef0",
        ]
        return [
            Example(
                name: "get-command-invocation-cli-v2-reference.json",
                page: seeds.appendingPathComponent("000_39b95b3c65e3e49f.txt"),
                citations: [
                    "https://docs.aws.amazon.com/cli/latest/reference/ssm/get-command-invocation.html (example \"To display the details of a command invocation\"; seed Contracts/seeds/000_39b95b3c65e3e49f.txt)"
                ],
                operation: "GetCommandInvocation",
                request: gciRequest,
                startedAt: "2020-02-19T18:18:03.000Z",
                description: "GetCommandInvocation example output of the AWS CLI v2 reference page, as a response"
            ),
            Example(
                name: "list-command-invocations-cli-v1-reference.json",
                page: seeds.appendingPathComponent("001_f1f5f2fbbfef122c.txt"),
                citations: [
                    "https://docs.aws.amazon.com/cli/v1/reference/ssm/list-command-invocations.html (example \"To list the invocations of a specific command\"; seed Contracts/seeds/001_f1f5f2fbbfef122c.txt)"
                ],
                operation: "ListCommandInvocations",
                request: ["CommandId": "b8eac879-0541-439d-94ec-47a80d554f44", "Details": true],
                startedAt: "2017-02-22T20:13:17.000Z",
                description:
                    "ListCommandInvocations --details example output of the AWS CLI v1 reference page (2017), as a response"
            ),
            Example(
                name: "get-command-invocation-cli-example.json",
                page: examplesFolder.appendingPathComponent("get-command-invocation.rst"),
                citations: ["aws/aws-cli awscli/examples/ssm/get-command-invocation.rst (awscli 1.45.11)"],
                operation: "GetCommandInvocation",
                request: gciRequest,
                startedAt: "2020-02-19T18:18:03.000Z",
                description: "GetCommandInvocation example of the AWS CLI's example page, as a response"
            ),
            Example(
                name: "list-command-invocations-cli-example.json",
                page: examplesFolder.appendingPathComponent("list-command-invocations.rst"),
                citations: ["aws/aws-cli awscli/examples/ssm/list-command-invocations.rst (awscli 1.45.11)"],
                operation: "ListCommandInvocations",
                request: ["CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678", "Details": true],
                startedAt: "2020-02-19T18:18:03.000Z",
                description:
                    "ListCommandInvocations --details example of the AWS CLI's example page (2020), as a response"
            ),
        ]
    }

    /// The cassette for an example.
    static func cassette(_ example: Example) throws -> Cassette {
        let text = try String(contentsOf: example.page, encoding: .utf8)
        let output = try outputJSON(in: text)
        let request = RecordedRequest(
            method: "POST",
            url: "https://ssm.us-east-1.amazonaws.com/",
            headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.\(example.operation)"],
            body: .json(example.request)
        )
        let response = RecordedResponse(
            status: 200,
            headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: .json(output)
        )
        let header = CassetteHeader(
            source: .awsDocs,
            recordedAt: rebuiltAt,
            description: example.description,
            citations: example.citations
        )
        return Cassette(
            header: header,
            interactions: [
                Interaction(request: request, response: response, startedAt: example.startedAt, duration: 0)
            ]
        )
    }

    /// The JSON document that follows the first `Output:` of a page.
    static func outputJSON(in text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        guard let marker = text.range(of: "Output:") else { throw ExampleError.noOutput }
        var start = text.utf8.distance(from: text.startIndex, to: marker.upperBound)
        while start < bytes.count, bytes[start] != UInt8(ascii: "{") { start += 1 }
        var depth = 0
        var inString = false
        var escaped = false
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { break }
            }
            end += 1
        }
        return try JSONParser.parse(bytes[start...end])
    }
}
