import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

@Suite struct PseudonymisationTests {
    static let account = "123456789012"
    static let instance17 = "i-0123456789abcdef0"
    static let instance8 = "i-1a2b3c4d"
    static let managed = "mi-0123456789abcdef1"
    static let command = "3f7b9c2e-1d4a-4e5b-9c8d-7a6b5c4d3e2f"
    static let ip = "172.31.5.17"

    static func responseBody(_ command: String) -> String {
        #"{"CommandInvocations":[{"CommandId":"\#(command)","InstanceId":"\#(instance17)","InstanceName":"ip-172-31-5-17","DocumentName":"arn:aws:ssm:us-east-1:\#(account):document/Run","PrivateIp":"\#(ip)","Peer":"\#(instance8)","Managed":"\#(managed)"}],"Requested":1.54208164084E9}"#
    }

    /// Records ListCommandInvocations for two commands, pseudonymised, and returns the cassette.
    func recordPseudonymised(in folder: URL) async throws -> (URL, Cassette) {
        let url = folder.appendingPathComponent("pseudo.json")
        try await withUpstream { upstream in
            try await CassetteTransport.withCassette(
                file: url,
                mode: .record,
                upstream: upstream.transport,
                options: .init(pseudonymisation: .init(), source: .mock(name: "echo", version: "1"))
            ) { transport in
                for command in [Self.command, "00000000-1111-4222-8333-444444444444"] {
                    let response = try await transport.send(
                        ssmRequest("ListCommandInvocations", Self.responseBody(command), host: upstream.baseURL)
                    )
                    #expect(text(response) == Self.responseBody(command), "the live response is handed back unchanged")
                }
            }
        }
        return (url, try Cassette.load(from: url))
    }

    @Test func pseudonymsKeepTheDocumentedPatternsAndAreConsistent() async throws {
        try await withTemporaryFolder { folder in
            let (url, cassette) = try await recordPseudonymised(in: folder)
            let file = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for real in [Self.account, Self.instance17, Self.instance8, Self.managed, Self.command, Self.ip] {
                #expect(!file.contains(real), "\(real) still in the cassette")
            }
            #expect(cassette.header.pseudonymisation?.kinds == [.accountID, .instanceID, .commandID, .ipv4])
            let first = try #require(cassette.interactions[0].response.body.json?["CommandInvocations"]?[0])
            let second = try #require(cassette.interactions[1].response.body.json?["CommandInvocations"]?[0])
            let instanceId = try #require(first["InstanceId"]?.stringValue)
            let commandId = try #require(first["CommandId"]?.stringValue)
            let instancePattern = try Regex(#"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)"#)
            for id in [
                instanceId, try #require(first["Peer"]?.stringValue), try #require(first["Managed"]?.stringValue),
            ] {
                #expect(id.wholeMatch(of: instancePattern) != nil, "\(id)")
            }
            #expect(first["Peer"]?.stringValue?.count == Self.instance8.count)
            #expect(first["Managed"]?.stringValue?.hasPrefix("mi-") == true)
            #expect(commandId.count == 36 && UUID(uuidString: commandId) != nil)
            let arn = try #require(first["DocumentName"]?.stringValue)
            #expect(arn.wholeMatch(of: try Regex(#"arn:aws:ssm:us-east-1:\d{12}:document/Run"#)) != nil)
            #expect(
                try #require(first["PrivateIp"]?.stringValue).wholeMatch(of: try Regex(#"\d+\.\d+\.\d+\.\d+"#)) != nil
            )
            // Same input, same pseudonym (instance in both interactions, request and response); different inputs differ.
            #expect(second["InstanceId"]?.stringValue == instanceId)
            #expect(second["CommandId"]?.stringValue != commandId)
            #expect(
                cassette.interactions[0].request.body.json?["CommandInvocations"]?[0]?["InstanceId"]?.stringValue
                    == instanceId
            )
            #expect(
                cassette.interactions[0].request.url.hasPrefix("http://127.0.0.1:"),
                "loopback addresses identify nobody and stay"
            )
            #expect(
                cassette.interactions.allSatisfy {
                    $0.response.headers["Content-Length"] == String($0.response.body.data.count)
                },
                "Content-Length describes the stored (pseudonymised) body"
            )
            #expect(
                first["Requested"] == nil
                    && cassette.interactions[0].response.body.json?["Requested"]
                        == .number(JSONNumber(literal: "1.54208164084E9")),
                "numbers are never touched"
            )
        }
    }

    @Test func aPseudonymisedCassetteReplaysForRealAndForPseudonymisedRequests() async throws {
        try await withTemporaryFolder { folder in
            let (url, cassette) = try await recordPseudonymised(in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            // The test re-run sends the same real ids: pseudonymised on the way in, they match.
            let answer = try await transport.send(ssmRequest("ListCommandInvocations", Self.responseBody(Self.command)))
            #expect(answer.body == cassette.interactions[0].response.body.data)
            // A client that sends back the pseudonymised ids it got from a replayed response also matches.
            let pseudonymousBody = String(decoding: cassette.interactions[1].request.body.data, as: UTF8.self)
            let second = try await transport.send(ssmRequest("ListCommandInvocations", pseudonymousBody))
            #expect(second.body == cassette.interactions[1].response.body.data)
            #expect(try transport.finish().unused.isEmpty)
        }
    }

    @Test func recordMissingKeepsTheCassettesPseudonymsAndRefusesMixing() async throws {
        try await withTemporaryFolder { folder in
            let (url, cassette) = try await recordPseudonymised(in: folder)
            let report = try await withUpstream { upstream in
                try await CassetteTransport.withCassette(file: url, mode: .recordMissing, upstream: upstream.transport)
                { transport in
                    _ = try await transport.send(
                        ssmRequest("ListCommandInvocations", Self.responseBody(Self.command), host: upstream.baseURL)
                    )
                    _ = try await transport.send(
                        ssmRequest(
                            "GetCommandInvocation",
                            #"{"InstanceId":"\#(Self.instance17)"}"#,
                            host: upstream.baseURL
                        )
                    )
                    return try transport.finish()
                }
            }
            #expect(report.replayed == 1 && report.recorded == 1)
            let extended = try Cassette.load(from: url)
            let instanceId = cassette.interactions[0].response.body.json?["CommandInvocations"]?[0]?["InstanceId"]
            #expect(extended.interactions[2].request.body.json?["InstanceId"] == instanceId)
            let plain = try writeCassette(
                [interaction("X", request: [:], response: "{}")],
                in: folder,
                name: "plain.json"
            )
            let error = #expect(throws: CassetteConfigurationError.self) {
                try CassetteTransport(
                    file: plain,
                    mode: .recordMissing,
                    upstream: idleCurlTransport,
                    options: .init(pseudonymisation: .init())
                )
            }
            #expect(error?.message.contains("was recorded without pseudonymisation") == true)
            let mixed = #expect(throws: CassetteConfigurationError.self) {
                try CassetteTransport(
                    file: plain,
                    mode: .recordMissing,
                    upstream: idleCurlTransport,
                    options: .init(source: .live)
                )
            }
            #expect(
                mixed?.message.contains("holds synthetic responses; recording live responses into it would mix sources")
                    == true
            )
        }
    }
}
