import AWSWire
import Cassettes
import ContractEngine
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import SSMEmulator
import TestSupport
import Testing

/// Records a fixed session against the emulator through a recording ``CassetteTransport`` (signed requests,
/// checked with SigV4), then verifies the cassette with the contract catalog, as `record` and `verify` do.
enum EmulatorRecording {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEMULATORRECORD",
        secretAccessKey: "emulator-record-secret"
    )

    /// The session: a truncating command on two instances that prints `start`, creates `started` in `folder`,
    /// and waits until the session, having seen it InProgress after that, creates `release` (no timing
    /// involved); polled to its end and
    /// twice more;
    /// both instances listed one per page, with and without Details; an offline instance observed Pending; an
    /// unknown command and a foreign NextToken (errors).
    static func session(_ wire: AWSJSONClient, folder: URL) async throws {
        func call(_ operation: String, _ body: JSONValue) async throws -> JSONValue? {
            do { return try await wire.send(operation: operation, body: body).raw } catch let error as AWSServiceError
                where error.code == "InvocationDoesNotExist"
            {
                return nil
            }
        }
        let instances: [JSONValue] = [.string(EmulatorFixtures.instance), .string(EmulatorFixtures.second)]
        let commands: [JSONValue] = [
            "echo start", "touch started", "while [ ! -e release ]; do sleep 0.05; done",
            "head -c 30000 /dev/zero | tr '\\0' a",
            "head -c 9000 /dev/zero | tr '\\0' e >&2",
        ]
        let release = folder.appendingPathComponent("release")
        let sent = try await call(
            "SendCommand",
            .object(
                JSONObject([
                    "DocumentName": "AWS-RunShellScript", "InstanceIds": .array(instances),
                    "Parameters": .object(
                        JSONObject([
                            "commands": .array(commands), "workingDirectory": .array([.string(folder.path)]),
                        ])
                    ),
                ])
            )
        )
        let commandID = try #require(sent?["Command"]?["CommandId"])
        let offline = try await call(
            "SendCommand",
            .object(
                JSONObject([
                    "DocumentName": "AWS-RunShellScript", "InstanceIds": .array([.string(EmulatorFixtures.offline)]),
                    "Parameters": .object(JSONObject(["commands": .array(["echo never"])])),
                    "TimeoutSeconds": .number(JSONNumber(3600)),
                ])
            )
        )
        let offlineID = try #require(offline?["Command"]?["CommandId"])
        let poll = JSONValue.object(JSONObject(["CommandId": commandID, "InstanceId": instances[0]]))
        let started = folder.appendingPathComponent("started")
        var terminal = 0
        while terminal < 3 {
            let printed = FileManager.default.fileExists(atPath: started.path)  // before asking: `start` is out
            let status = try await call("GetCommandInvocation", poll)?["Status"]?.stringValue
            if printed && status == "InProgress" {
                _ = FileManager.default.createFile(atPath: release.path, contents: nil)
            }
            if let status, !["Pending", "InProgress"].contains(status) {
                terminal += 1
            } else {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        let waitForOffline = JSONValue.object(
            JSONObject(["CommandId": offlineID, "InstanceId": .string(EmulatorFixtures.offline)])
        )
        while try await call("GetCommandInvocation", waitForOffline) == nil {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let unknown = JSONValue.object(
            JSONObject(["CommandId": "00000000-0000-4000-8000-000000000000", "InstanceId": instances[0]])
        )
        #expect(try await call("GetCommandInvocation", unknown) == nil)
        await #expect(throws: AWSServiceError.self) {
            try await wire.send(
                operation: "ListCommandInvocations",
                body: .object(JSONObject(["NextToken": "bm90LWEtdG9rZW4="]))
            )
        }
        for details in [true, false] {
            var token: JSONValue?
            repeat {
                var request = JSONObject([
                    "CommandId": commandID, "MaxResults": .number(JSONNumber(1)), "Details": .bool(details),
                ])
                if let token { request.append(key: "NextToken", value: token) }
                token = try await call("ListCommandInvocations", .object(request))?["NextToken"]
            } while token != nil
        }
    }

    /// The contracts a verified recording failed, and those it passed (judged at least once, never failed).
    struct Verdicts {
        let failing: Set<String>
        let passing: Set<String>
    }

    /// Records ``session(_:)`` against an emulator with `faults` and verifies the cassette.
    static func verdicts(faults: Set<EmulatorFault>) async throws -> Verdicts {
        try await withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("emulator-session.json")
            var options = EmulatorFixtures.options(
                [EmulatorFixtures.instance, EmulatorFixtures.second],
                offline: [EmulatorFixtures.offline],
                faults: faults
            )
            options.verifiedCredentials = [credentials]
            try await SSMEmulator.withEmulator(options: options) { emulator in
                try await CurlTransport.withCurlTransport { curl in
                    let cassetteOptions = CassetteOptions(
                        redaction: RedactionOptions(credentialValues: [
                            credentials.accessKeyID, credentials.secretAccessKey,
                        ]),
                        source: EmulateRunner.recordingSource,
                        region: "us-east-1",
                        description:
                            "emulator session recorded by the emulator tests (faults: \(faults.map(\.rawValue).sorted()))"
                    )
                    try await CassetteTransport.withCassette(
                        file: file,
                        mode: .record,
                        upstream: curl,
                        options: cassetteOptions
                    ) { cassette in
                        let configuration = AWSConfiguration(
                            credentials: credentials,
                            region: "us-east-1",
                            endpoint: try AWSEndpoint(emulator.baseURL)
                        )
                        try await session(
                            AWSJSONClient(transport: cassette, configuration: configuration),
                            folder: folder
                        )
                    }
                }
            }
            let recorded = try Cassette.load(from: file)
            #expect(recorded.header.source == EmulateRunner.recordingSource)
            var verify = VerifyRunner.Options()
            verify.paths = [file.path]
            verify.catalog.catalog = PackageRoot.path("Contracts").path
            let outcome = try await VerifyRunner.run(verify)
            let report = try #require(outcome.report)
            let failing = report.rows.filter { row in row.targets.contains { $0.tally.fail > 0 } }.map(\.contract.id)
            let passing = report.rows.filter { $0.verdict == .pass }.map(\.contract.id)
            return Verdicts(failing: Set(failing), passing: Set(passing))
        }
    }
}
