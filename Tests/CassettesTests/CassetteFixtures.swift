import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// A temporary folder removed at the end of `body`.
func withTemporaryFolder<R>(_ body: (URL) async throws -> R) async rethrows -> R {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cassettes-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// An awsJson1_1 SSM request as an SDK would send it, with SigV4-looking volatile headers.
func ssmRequest(
    _ operation: String,
    _ body: String,
    host: String = "https://ssm.us-east-1.amazonaws.com"
) -> HTTPRequest {
    HTTPRequest(
        method: "POST",
        url: host + "/",
        headers: [
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AmazonSSM.\(operation)",
            "X-Amz-Date": "20261121T0740\(Int.random(in: 10...59))Z",
            "Authorization":
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/ssm/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=\(String(repeating: "ab", count: 32))",
            "User-Agent": "ssm-contract/\(Int.random(in: 1...1000))",
            "amz-sdk-invocation-id": UUID().uuidString,
        ],
        body: Data(body.utf8)
    )
}

/// A recorded interaction for an SSM operation.
func interaction(_ operation: String, request: JSONValue, status: Int = 200, response: String) -> Interaction {
    Interaction(
        request: RecordedRequest(
            method: "POST",
            url: "https://ssm.us-east-1.amazonaws.com/",
            headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.\(operation)"],
            body: .json(request)
        ),
        response: RecordedResponse(
            status: status,
            headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: RecordedBody(capturing: Data(response.utf8))
        ),
        startedAt: "2026-11-21T07:40:00.000Z",
        duration: 0.1
    )
}

/// Writes a synthetic cassette with `interactions` into `folder` and returns its URL.
func writeCassette(_ interactions: [Interaction], in folder: URL, name: String = "cassette.json") throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Cassette(
        header: CassetteHeader(source: .synthetic, recordedAt: "2026-11-21T07:40:00.000Z", description: "test fixture"),
        interactions: interactions
    ).save(to: url)
    return url
}

/// The body of a response as text.
func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

/// The error a throwing async expression threw, or `nil`.
func caughtError(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
