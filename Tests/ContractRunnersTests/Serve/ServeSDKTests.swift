import Cassettes
import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

/// Real SDKs (the venv's AWS CLI v1 and boto3) pointed at the replay server with `--endpoint-url`.
@Suite(.timeLimit(.minutes(3))) struct ServeSDKTests {
    static let moto = PackageRoot.path("Recordings/mock-moto-5.2.1/success-known-output.json")

    /// Runs the venv's `aws ssm …` with fake credentials, no config files, and up to `attempts` attempts.
    static func aws(_ arguments: [String], endpoint: String, attempts: Int = 1) async throws -> ExternalCLI.Run {
        let cli = try ExternalCLI(
            path: try ServeFixtures.venvProgram("aws"),
            environment: ["AWS_MAX_ATTEMPTS": String(attempts)]
        )
        return try await cli.run(
            ["ssm"] + arguments + ["--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"]
        )
    }

    @Test func theAWSCLIPrintsExactlyTheRecordedMembers() async throws {
        let cassette = try Cassette.load(from: Self.moto)
        let recorded = cassette.interactions[1]
        let request = try #require(recorded.request.body.json?.objectValue)
        let run = try await ReplayServer.withServer(cassettes: [Self.moto]) { server in
            try await Self.aws(
                [
                    "get-command-invocation", "--command-id", request["CommandId"]!.stringValue!,
                    "--instance-id", request["InstanceId"]!.stringValue!,
                ],
                endpoint: server.baseURL
            )
        }
        #expect(run.status == 0, "aws failed: \(run.stderr)")
        let printed = try ServeFixtures.json(run.stdout)
        let body = try ServeFixtures.json(String(decoding: recorded.response.body.data, as: UTF8.self))
        #expect(printed.semanticallyEquals(body), "aws printed \(run.stdout)")
        #expect(printed.objectValue?.keys == body.objectValue?.keys)
        #expect(printed.objectValue?["Status"]?.stringValue == "Success")
    }

    @Test func aMissGivesTheCLIAReadableErrorNamingTheClosestRequest() async throws {
        // The recorded CommandId with its last group zeroed: closest to interactions[1], but not it.
        let recordedID = try #require(
            ServeFixtures.json(
                String(decoding: try Cassette.load(from: Self.moto).interactions[1].request.body.data, as: UTF8.self)
            ).objectValue?["CommandId"]?.stringValue
        )
        let missingID = String(recordedID.dropLast(12)) + "000000000000"
        let logged = LineLog()
        let options = ReplayServerOptions(log: { logged.append($0) })
        let (run, summary) = try await ReplayServer.withServer(cassettes: [Self.moto], options: options) { server in
            let run = try await Self.aws(
                [
                    "get-command-invocation", "--command-id", missingID,
                    "--instance-id", "i-0123456789abcdef0",
                ],
                endpoint: server.baseURL,
                attempts: 5
            )
            return (run, server.summary)
        }
        #expect(run.status != 0)
        // Not retried (a 400 with a non-throttling code), so no "(reached max retries: N)" either.
        // The client sees the cassette's file name, never the server's absolute path (the log keeps it).
        #expect(
            run.stderr.contains(
                "An error occurred (ReplayMiss) when calling the GetCommandInvocation operation: \(Self.moto.lastPathComponent): no recorded interaction matches POST / AmazonSSM.GetCommandInvocation"
            ),
            "stderr: \(run.stderr)"
        )
        #expect(!run.stderr.contains(Self.moto.path))
        #expect(run.stderr.contains("closest is interactions[1] POST / AmazonSSM.GetCommandInvocation"))
        #expect(run.stderr.contains(#"body.CommandId: "\#(missingID)" ≠ recorded "\#(recordedID)""#))
        #expect(summary.misses.count == 1, "one request although 5 attempts were allowed")
        #expect(
            logged.lines.count == 1
                && logged.lines[0].hasPrefix("miss: \(Self.moto.path): no recorded interaction matches")
        )
    }

    @Test func boto3sCommandExecutedWaiterFollowsARecordedPollingSequence() async throws {
        let python = try ServeFixtures.venvProgram("python")
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let script = """
                import sys, boto3
                client = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1")
                client.get_waiter("command_executed").wait(
                    CommandId=sys.argv[2], InstanceId=sys.argv[3], WaiterConfig={"Delay": 0, "MaxAttempts": 10})
                print("waiter done")
                """
            let (run, summary, requests) = try await ReplayServer.withServer(cassettes: [cassette]) { server in
                let run = try await ExternalCLI(path: python).run([
                    "-c", script, server.baseURL, ServeFixtures.commandID, ServeFixtures.instanceID,
                ])
                return (run, server.summary, server.summary.requests)
            }
            #expect(run.status == 0, "boto3 failed: \(run.stderr)")
            #expect(run.stdout == "waiter done\n")
            // The waiter polled exactly the 3 recorded answers (Pending, InProgress: retry; Success: done).
            #expect(requests == 3)
            #expect(summary.cassettes[0].replayed == 3)
            #expect(summary.unusedCount == 0 && summary.misses.isEmpty)
        }
    }
}

/// Lines collected from a server's log callback.
final class LineLog: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var lines: [String] { lock.withLock { storage } }
}
