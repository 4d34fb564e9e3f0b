import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

/// A replay miss tells the client which cassette missed without giving away where the server keeps it.
@Suite(.timeLimit(.minutes(1))) struct ServeClientPathTests {
    static let cassette = "Recordings/mock-moto-5.2.1/success-known-output.json"

    /// The miss message a client gets from a server serving `file`.
    static func clientMessage(serving file: URL) async throws -> String {
        try await CurlTransport.withCurlTransport { curl in
            try await ReplayServer.withServer(cassettes: [file]) { server in
                var request = HTTPRequest(method: "POST", url: server.baseURL + "/")
                request.headers.add(name: "X-Amz-Target", value: "AmazonSSM.GetCommandInvocation")
                request.headers.add(name: "Content-Type", value: "application/x-amz-json-1.1")
                request.body = Data(
                    #"{"CommandId":"00000000-0000-4000-8000-000000000000","InstanceId":"i-0fedcba9876543211"}"#.utf8
                )
                let response = try await curl.send(request)
                #expect(response.status == 400)
                let body = try JSONParser.parse(response.body)
                return try #require(body.objectValue?["message"]?.stringValue)
            }
        }
    }

    @Test func anAbsoluteCassettePathReachesTheClientAsTheFileNameOnly() async throws {
        let message = try await Self.clientMessage(serving: PackageRoot.path(Self.cassette))
        #expect(
            message.hasPrefix(
                "success-known-output.json: no recorded interaction matches POST / AmazonSSM.GetCommandInvocation"
            )
        )
        #expect(!message.contains(PackageRoot.url.path), "the server's folder leaked to the client: \(message)")
    }

    @Test func aRelativeCassettePathReachesTheClientAsGiven() async throws {
        let message = try await Self.clientMessage(
            serving: URL(fileURLWithPath: Self.cassette, relativeTo: PackageRoot.url)
        )
        #expect(message.hasPrefix(Self.cassette + ": no recorded interaction matches"))
        #expect(!message.contains(PackageRoot.url.path))
    }
}
