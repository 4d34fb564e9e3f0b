import Foundation
import TestSupport
import Testing

/// Labels never lie: `live` only for recordings from AWS, and no mock's answers in a `live` folder.
@Suite(.serialized, .timeLimit(.minutes(1))) struct RecordingLabelTests {
    @Test func recordRefusesLiveForAnEndpointThatIsNotAWS() async throws {
        try await BinaryRun.withFolder { folder in
            let output = folder.appendingPathComponent("out")
            let run = try await BinaryRun.run(
                ["record", "--endpoint-url", "http://127.0.0.1:9", "--source", "live", "--output", output.path],
                environment: BinaryRun.fakeAWSEnvironment
            )
            #expect(run.status == 2)
            #expect(
                run.err
                    == "ssm-contract: http://127.0.0.1:9 is not an AWS endpoint and --source live is not a mock source: say what answers there with --source mock:NAME@VERSION (e.g. mock:moto@5.2.1), so its recordings are never labelled live\n"
            )
            #expect(!FileManager.default.fileExists(atPath: output.path), "nothing was created")
        }
    }

    @Test func mockRecordingsNeverLandInALiveFolder() async throws {
        try await BinaryRun.withFolder { folder in
            let live = folder.appendingPathComponent("Recordings/live")
            let record = try await BinaryRun.run(
                [
                    "record", "--endpoint-url", "http://127.0.0.1:9", "--source", "mock:moto@5.2.1", "--output",
                    live.path,
                ],
                environment: BinaryRun.fakeAWSEnvironment
            )
            #expect(record.status == 2)
            #expect(
                record.err
                    == "ssm-contract: \(live.path) holds live AWS recordings only and this recording is mock:moto@5.2.1; choose another folder (e.g. Recordings/mock-moto-5.2.1)\n"
            )
            #expect(!FileManager.default.fileExists(atPath: live.path))
            let serve = try await BinaryRun.run([
                "serve", live.appendingPathComponent("new.json").path, "--record-missing", "--upstream",
                "http://127.0.0.1:9",
                "--source", "mock:moto@5.2.1",
            ])
            #expect(serve.status == 2)
            #expect(serve.err.contains("holds live AWS recordings only and this recording is mock:moto@5.2.1"))
            let serveLive = try await BinaryRun.run([
                "serve", folder.appendingPathComponent("new.json").path, "--record-missing", "--upstream",
                "http://127.0.0.1:9", "--source", "live",
            ])
            #expect(serveLive.status == 2)
            #expect(
                serveLive.err.contains(
                    "http://127.0.0.1:9 is not an AWS endpoint and --source live is not a mock source"
                )
            )
            #expect(serveLive.out.isEmpty, "never served")
        }
    }
}
