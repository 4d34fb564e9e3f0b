import AWSWire
import Cassettes
import Foundation
import HTTPTransport
import TestSupport
import Testing

@testable import SSMOperations

/// Records a session against moto into a temporary cassette, stops moto, and replays the cassette with no
/// upstream at all: the typed results must be identical.
@Suite(.serialized) struct MotoRecordReplayTests {
    @Test(.timeLimit(.minutes(2))) func recordedSessionReplaysIdenticallyWithoutNetwork() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moto-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("session.json")

        var endpoint = ""
        let recorded = try await MotoServer.withMotoServer { moto in
            endpoint = moto.endpointURL
            let configuration = try motoConfiguration(moto)
            return try await CurlTransport.withCurlTransport { curl in
                let options = CassetteOptions(
                    redaction: RedactionOptions(credentialValues: [MotoServer.secretAccessKey]),
                    source: .mock(name: "moto", version: moto.version),
                    region: MotoServer.region,
                    description: "send, get, wait, unknown id, list invocations"
                )
                return try await CassetteTransport.withCassette(
                    file: file,
                    mode: .record,
                    upstream: curl,
                    options: options
                ) { transport in
                    try await MotoSession.run(
                        SSMClient(transport: transport, configuration: configuration, retryStrategy: immediateRetries)
                    )
                }
            }
        }

        // moto is stopped: nothing listens on its port any more.
        let cassette = try Cassette.load(from: file)
        #expect(cassette.header.source == .mock(name: "moto", version: "5.2.1"))
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(!text.contains(MotoServer.secretAccessKey))
        #expect(!text.contains(MotoServer.accessKeyID))

        let replayed = try await CassetteTransport.withCassette(file: file, mode: .replay, upstream: nil) { transport in
            #expect(transport.servesRecordedResponses)
            let configuration = AWSConfiguration(
                credentials: AWSCredentials(accessKeyID: "AKIDOTHER", secretAccessKey: "other"),
                region: MotoServer.region,
                endpoint: try AWSEndpoint(endpoint)
            )
            return try await MotoSession.run(
                SSMClient(transport: transport, configuration: configuration, retryStrategy: immediateRetries)
            )
        }
        #expect(replayed == recorded)
        #expect(recorded.invocation.status == .success)
        #expect(recorded.unknownCommand.code == "InvalidCommandId")
        #expect(recorded.listInvocations.contains("ListCommandInvocations failed with HTTP 500"))
    }
}
