import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

@testable import AWSWire

/// The client through libcurl against a real loopback HTTP server: what goes on the wire, and how answers that
/// are not AWS errors come back.
@Suite(.serialized) struct AWSJSONClientWireTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDWIRETEST",
        secretAccessKey: "wire-secret",
        sessionToken: "wire-session-token"
    )

    func withClient(
        answer: @escaping LoopbackHTTPServer.Handler,
        _ body: @Sendable (AWSJSONClient, LoopbackHTTPServer) async throws -> Void
    ) async throws {
        try await CurlTransport.withCurlTransport { curl in
            try await LoopbackHTTPServer.withServer(handler: answer) { server in
                let configuration = AWSConfiguration(
                    credentials: Self.credentials,
                    region: "eu-west-1",
                    endpoint: try AWSEndpoint(server.baseURL)
                )
                let client = AWSJSONClient(
                    transport: curl,
                    configuration: configuration,
                    retryStrategy: AWSRetryStrategy(random: { 0 }, sleeper: { _ in })
                )
                try await body(client, server)
            }
        }
    }

    static func json(_ status: Int, _ body: String, _ headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")] + headers),
            body: Data(body.utf8)
        )
    }

    @Test(.timeLimit(.minutes(1))) func requestOnTheWireIsSignedAsSent() async throws {
        try await withClient(answer: { _ in Self.json(200, #"{"Commands":[]}"#) }) { client, server in
            let response = try await client.send(operation: "ListCommands", body: ["MaxResults": 5])
            #expect(response.raw == ["Commands": []])
            let request = try #require(server.receivedRequests.first)
            #expect(request.method == "POST")
            #expect(request.url == server.baseURL + "/")
            #expect(request.headers["Host"] == "127.0.0.1:\(server.port)")
            #expect(request.headers["X-Amz-Target"] == "AmazonSSM.ListCommands")
            #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
            #expect(request.headers["User-Agent"]?.hasPrefix("ssm-contract/") == true)
            #expect(request.headers["amz-sdk-request"] == "attempt=1; max=3")
            #expect(request.headers["amz-sdk-invocation-id"]?.count == 36)
            #expect(request.headers["X-Amz-Security-Token"] == "wire-session-token")
            #expect(String(decoding: request.body, as: UTF8.self) == #"{"MaxResults":5}"#)

            // Re-sign exactly the signed headers curl delivered: the signature must be the one that was sent.
            let authorization = try #require(request.headers["Authorization"])
            let signedNames = try #require(
                authorization.split(separator: "SignedHeaders=").last?.split(separator: ",").first
            )
            .split(separator: ";").map(String.init)
            #expect(
                signedNames == [
                    "amz-sdk-invocation-id", "amz-sdk-request", "content-type", "host", "x-amz-date",
                    "x-amz-security-token", "x-amz-target",
                ]
            )
            var delivered = request
            delivered.headers = HTTPHeaders(request.headers.filter { signedNames.contains($0.name.lowercased()) })
            let amzDate = try #require(request.headers["X-Amz-Date"])
            let date = try #require(Self.parseAmzDate(amzDate))
            let recomputed = SigV4Signer(region: "eu-west-1", service: "ssm").signature(
                for: delivered,
                credentials: Self.credentials,
                date: date
            )
            #expect(recomputed.authorization == authorization)
        }
    }

    @Test(.timeLimit(.minutes(1))) func htmlFiveHundredIsRetriedThenNamedClearly() async throws {
        let page = HTTPResponse(
            status: 500,
            headers: ["Content-Type": "text/html; charset=utf-8"],
            body: Data("<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n".utf8)
        )
        try await withClient(answer: { _ in page }) { client, server in
            do {
                _ = try await client.send(operation: "ListCommandInvocations")
                Issue.record("expected an error")
            } catch let error as AWSUnreadableErrorResponse {
                #expect(error.operation == "ListCommandInvocations")
                #expect(error.statusCode == 500)
                #expect("\(error)".contains("ListCommandInvocations failed with HTTP 500"))
                #expect("\(error)".contains("HTML page"))
            }
            #expect(server.requestCount == 3)
            #expect(
                server.receivedRequests.map { $0.headers["amz-sdk-request"] } == [
                    "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3",
                ]
            )
        }
    }

    @Test(.timeLimit(.minutes(1))) func awsErrorFromHeaderAndBody() async throws {
        let answer = Self.json(
            400,
            #"{"__type":"com.amazon#InvalidInstanceId:http://x/","Message":"bad node"}"#,
            [("x-amzn-RequestId", "rid-7")]
        )
        try await withClient(answer: { _ in answer }) { client, server in
            await #expect {
                _ = try await client.send(operation: "SendCommand")
            } throws: { error in
                guard let error = error as? AWSServiceError else { return false }
                return error.code == "InvalidInstanceId" && error.message == "bad node" && error.requestID == "rid-7"
                    && error.operation == "SendCommand" && error.statusCode == 400
            }
            #expect(server.requestCount == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [#"{"CommandInvocations": [tru"#, "[]", "<html>ok</html>"])
    func unreadableSuccessBodyIsMalformed(body: String) async throws {
        try await withClient(answer: { _ in Self.json(200, body) }) { client, _ in
            await #expect(throws: AWSMalformedResponseError.self) {
                try await client.send(operation: "ListCommandInvocations")
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func emptySuccessBodyIsAnEmptyObject() async throws {
        try await withClient(answer: { _ in HTTPResponse(status: 200) }) { client, _ in
            let response = try await client.send(operation: "CancelCommand")
            #expect(response.raw == [:])
        }
    }

    @Test(.timeLimit(.minutes(1))) func connectionRefusedIsRetriedThenThrown() async throws {
        try await withRefusingPort { closedPort in
            try await CurlTransport.withCurlTransport { curl in
                let configuration = AWSConfiguration(
                    credentials: Self.credentials,
                    region: "eu-west-1",
                    endpoint: try AWSEndpoint("http://127.0.0.1:\(closedPort)")
                )
                let quota = AWSRetryQuota()
                let client = AWSJSONClient(
                    transport: curl,
                    configuration: configuration,
                    retryStrategy: AWSRetryStrategy(quota: quota, random: { 0 }, sleeper: { _ in })
                )
                await #expect {
                    _ = try await client.send(operation: "ListCommands")
                } throws: { error in
                    (error as? TransportError)?.code == .connectionRefused
                }
                #expect(quota.availableCapacity == 490)
            }
        }
    }

    static func parseAmzDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
