import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

@Suite struct RedactionAtScaleTests {
    /// Echoes the body and reflects the secret-bearing headers into the response, so both sides carry secrets.
    static let reflectingHandler: @Sendable (HTTPRequest) async throws -> HTTPResponse = { request in
        HTTPResponse(
            status: 200,
            headers: HTTPHeaders([
                ("Content-Type", "application/octet-stream"),
                ("X-Echo-Token", request.headers["X-Amz-Security-Token"] ?? ""),
                ("X-Echo-Authorization", request.headers["Authorization"] ?? ""),
                ("X-Echo-URL", request.url),
            ]),
            body: request.body
        )
    }

    @Test(.timeLimit(.minutes(3)))
    func noSecretOfTwoHundredRandomCredentialSetsReachesTheCassetteFile() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("secrets.json")
            let sets = (0..<200).map { _ in RandomCredentials() }
            let options = CassetteOptions(
                redaction: RedactionOptions(credentialValues: sets.flatMap(\.values)),
                source: .mock(name: "loopback", version: "1")
            )
            let report = try await withUpstream(handler: Self.reflectingHandler) { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: options
                ) { transport in
                    for (i, credentials) in sets.enumerated() {
                        let request = credentials.request(host: upstream.baseURL, form: i)
                        let response = try await transport.send(request)
                        // Redaction is for the cassette only: the caller sees what the server sent.
                        #expect(response.body == request.body)
                        #expect(response.headers["X-Echo-Token"] == credentials.sessionToken)
                    }
                    return try transport.finish()
                }
            }
            #expect(report.recorded == 200)
            let file = try Data(contentsOf: url)
            let fileText = String(decoding: file, as: UTF8.self)
            var leaks: [String] = []
            for credentials in sets {
                for secret in credentials.forbiddenStrings where file.range(of: Data(secret.utf8)) != nil {
                    leaks.append(String(secret.prefix(12)) + "…")
                }
            }
            #expect(leaks.isEmpty, "\(leaks.count) secrets leaked, e.g. \(leaks.prefix(5))")
            // The structure stays readable, and every form of body was exercised.
            let cassette = try Cassette.load(from: url)
            #expect(
                cassette.interactions.allSatisfy {
                    $0.request.headers["Authorization"]?.hasPrefix(
                        "AWS4-HMAC-SHA256 Credential=<redacted:access-key>/20261121/us-east-1/ssm/aws4_request, SignedHeaders="
                    ) == true
                }
            )
            #expect(
                Set(cassette.interactions.map { "\($0.request.body)".prefix(4) }).count == 3,
                "json, text and binary bodies"
            )
            #expect(
                fileText.contains("<redacted:credential>") && fileText.contains("<redacted:session-token>")
                    && fileText.contains("<redacted:signature>")
            )
        }
    }
}
