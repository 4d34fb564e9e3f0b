import Cassettes
import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real SDKs of the pinned venv (boto3, the AWS CLI) through `ssm-contract proxy` to the emulator checking
/// SigV4 with keys only the proxy has; the recording replayed by `serve`; boto3's standard retries against
/// injected throttling; `--pace recorded`. Every server is the real binary, started and stopped like a user would.
@Suite(.serialized, .timeLimit(.minutes(4))) struct ProxySDKTests {
    static let binary = BuiltProducts.ssmContractLocation
    /// The emulator's (and the proxy's) keys; the SDKs run with ExternalCLI's fake keys, which the emulator refuses.
    static let upstreamKeys = [
        "AWS_ACCESS_KEY_ID=AKIDEMULATORPROXY001", "AWS_SECRET_ACCESS_KEY=emulator-proxy-secret-not-real",
        "AWS_REGION=us-east-1",
        "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
    ]

    /// A running `ssm-contract` server (emulate, proxy, serve) with `environment`, and the URL on its first line.
    struct Server {
        let child: ChildProcess
        let url: String
        let stderr: URL

        /// SIGINT, then everything it printed after the first line, and its exit status.
        func stop() async -> (status: Int32, output: [String]) {
            child.signal(SIGINT)
            var lines: [String] = []
            while let line = try? await child.readLine() { lines.append(line) }
            return (await child.waitForExit(), lines)
        }
    }

    static func start(
        _ arguments: [String],
        environment: [String] = upstreamKeys,
        in folder: URL
    ) async throws -> Server {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first (swift build)")
        let errors = folder.appendingPathComponent("\(arguments[0])-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let child = try ChildProcess(
            "/usr/bin/env",
            environment + [binary.path] + arguments,
            standardError: errors,
            currentDirectory: PackageRoot.url
        )
        let first = try await child.readLine()
        let url = try #require(first.components(separatedBy: "--endpoint-url ").last, "\(first)")
        return Server(child: child, url: url, stderr: errors)
    }

    /// The CommandId SendCommand answered in a committed recording.
    static func recordedCommandID(_ path: String) throws -> String {
        let cassette = try Cassette.load(from: PackageRoot.path(path))
        let sent = try #require(cassette.interactions.first { $0.operation == "SendCommand" })
        return try #require(try JSONParser.parse(sent.response.body.data)["Command"]?["CommandId"]?.stringValue)
    }

    static func python(_ script: String, _ arguments: [String]) async throws -> ExternalCLI.Run {
        try await ExternalCLI(path: try ServeFixtures.venvProgram("python")).run(["-c", script] + arguments)
    }

    /// Sends a command, waits for it, and prints the final GetCommandInvocation result as JSON (no metadata).
    static let sendAndWait = """
        import json, sys, boto3
        client = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1")
        sent = client.send_command(InstanceIds=["i-0123456789abcdef0"], DocumentName="AWS-RunShellScript",
                                   Parameters={"commands": ["echo proxied through ssm-contract"]}, Comment="proxy-sdk-test")
        command = sent["Command"]["CommandId"]
        client.get_waiter("command_executed").wait(CommandId=command, InstanceId="i-0123456789abcdef0",
                                                   WaiterConfig={"Delay": 1, "MaxAttempts": 30})
        result = client.get_command_invocation(CommandId=command, InstanceId="i-0123456789abcdef0")
        result.pop("ResponseMetadata")
        print(json.dumps({"CommandId": command, "Result": result}, sort_keys=True, default=str))
        """

    @Test func boto3AndTheAWSCLIRecordThroughTheProxyAndServeReplaysIdentically() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = folder.appendingPathComponent("through-proxy.json")
            let emulator = try await Self.start(
                ["emulate", "--verify-sigv4", "--port", "0", "--time-scale", "5"],
                in: folder
            )
            defer { emulator.child.stop() }
            // The SDK's own keys are refused by the emulator: only the proxy's re-signing can succeed.
            let direct = try await Self.python(Self.sendAndWait, [emulator.url])
            #expect(direct.status != 0)
            #expect(direct.stderr.contains("when calling the SendCommand operation"), "\(direct.stderr)")
            let source = "mock:ssm-contract-emulator@\(ContractRunnersInfo.version)"
            let proxy = try await Self.start(
                ["proxy", "--upstream", emulator.url, "--record", cassette.path, "--source", source],
                in: folder
            )
            let live = try await Self.python(Self.sendAndWait, [proxy.url])
            #expect(live.status == 0, "boto3 through the proxy: \(live.stderr)")
            let printed = try ServeFixtures.json(live.stdout)
            let command = try #require(printed["CommandId"]?.stringValue)
            #expect(printed["Result"]?["Status"]?.stringValue == "Success")
            #expect(printed["Result"]?["StandardOutputContent"]?.stringValue == "proxied through ssm-contract\n")
            let cli = try await ExternalCLI(path: try ServeFixtures.venvProgram("aws")).run([
                "ssm", "list-command-invocations", "--command-id", command, "--details", "--endpoint-url", proxy.url,
                "--output", "json",
            ])
            #expect(cli.status == 0, "aws through the proxy: \(cli.stderr)")
            #expect(try ServeFixtures.json(cli.stdout)["CommandInvocations"]?[0]?["CommandId"]?.stringValue == command)
            let stopped = await proxy.stop()
            #expect(stopped.status == 0, "\(stopped.output)")
            #expect(stopped.output.first?.hasPrefix("served ") == true)

            let recorded = try Cassette.load(from: cassette)
            #expect(recorded.header.source == CassetteSource(source))
            let text = try String(contentsOf: cassette, encoding: .utf8)
            #expect(
                !text.contains("AKIDEMULATORPROXY001") && !text.contains("emulator-proxy-secret-not-real")
                    && !text.contains("AKIDSSMCONTRACTFAKE")
            )
            #expect(recorded.interactions.contains { $0.operation == "ListCommandInvocations" })

            // The recording, replayed by serve to boto3: the same parsed results, without the emulator.
            emulator.child.stop()
            let serve = try await Self.start(["serve", cassette.path], in: folder)
            let replayed = try await Self.python(Self.sendAndWait, [serve.url])
            let served = await serve.stop()
            #expect(replayed.status == 0, "boto3 against serve: \(replayed.stderr)")
            #expect(try ServeFixtures.json(replayed.stdout) == printed)
            #expect(served.status == 0, "no misses: \(served.output)")
        }
    }

    @Test func boto3StandardRetriesRecoverFromInjectedThrottlingAndCountTheFaults() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let report = folder.appendingPathComponent("report.json")
            let serve = try await Self.start(
                [
                    "serve", "Recordings/mock-moto-5.2.1/success-known-output.json", "--fault", "throttle=0.3",
                    "--fault-seed", "11",
                    "--fault-operation", "GetCommandInvocation", "--report", report.path,
                ],
                in: folder
            )
            let script = """
                import sys, boto3
                from botocore.config import Config
                client = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1",
                                      config=Config(retries={"mode": "standard", "max_attempts": 10}))
                retries = 0
                for _ in range(8):
                    answer = client.get_command_invocation(CommandId=sys.argv[2], InstanceId="i-0123456789abcdef0")
                    assert answer["Status"] in ("InProgress", "Success"), answer["Status"]
                    retries += answer["ResponseMetadata"]["RetryAttempts"]
                print(retries)
                """
            let run = try await Self.python(
                script,
                [serve.url, try Self.recordedCommandID("Recordings/mock-moto-5.2.1/success-known-output.json")]
            )
            let stopped = await serve.stop()
            #expect(run.status == 0, "boto3: \(run.stderr)")
            let retries = try #require(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let faults = try JSONParser.parse(Data(contentsOf: report))["faults"]
            #expect(faults?["throttle"]?.intValue == retries, "boto3 retried \(retries) times")
            #expect(retries > 0, "the seed injects at least one throttle")
            #expect(stopped.output.contains("  injected faults: throttle \(retries)"), "\(stopped.output)")
        }
    }

    @Test func paceRecordedReplaysAPollingCassetteInAboutItsRecordedTime() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            var cassette = try Cassette.load(from: ServeFixtures.writePollingCassette(in: folder))
            cassette.interactions = cassette.interactions.map {
                var slow = $0
                slow.duration = 0.6
                return slow
            }
            let file = folder.appendingPathComponent("slow-polls.json")
            try cassette.save(to: file)
            let script = """
                import sys, time, boto3
                client = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1")
                start = time.monotonic()
                client.get_waiter("command_executed").wait(CommandId=sys.argv[2], InstanceId=sys.argv[3],
                                                           WaiterConfig={"Delay": 0, "MaxAttempts": 10})
                print(time.monotonic() - start)
                """
            let serve = try await Self.start(["serve", file.path, "--pace", "recorded"], in: folder)
            let run = try await Self.python(script, [serve.url, ServeFixtures.commandID, ServeFixtures.instanceID])
            _ = await serve.stop()
            #expect(run.status == 0, "boto3: \(run.stderr)")
            let seconds = try #require(Double(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            // Three polls of 0.6 s each were recorded: about 1.8 s (loosely: at least the recorded time, well under 30 s).
            #expect(seconds >= 1.75 && seconds < 30, "the waiter took \(seconds) s")
        }
    }
}
