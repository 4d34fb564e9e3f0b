import ContractRunners
import Foundation
import RawJSON
import SSMEmulator
import TestSupport
import Testing

/// Shared pieces of the emulator tests: options with short delays, the venv's boto3 and AWS CLI.
enum EmulatorFixtures {
    static let instance = "i-0123456789abcdef0"
    static let second = "i-0fedcba9876543210"
    static let third = "i-00112233445566778"
    static let offline = "i-0aaaabbbbccccdddd"

    /// Options with the emulator's delays 20 times shorter (25 ms visibility and delivery) and a 1 s minimum
    /// execution timeout.
    static func options(
        _ instances: [String] = [instance],
        offline: [String] = [],
        faults: Set<EmulatorFault> = [],
        visibilityWindow: Double = 0.5
    ) -> EmulatorOptions {
        EmulatorOptions(
            instanceIDs: instances,
            offlineInstanceIDs: offline,
            clock: .scaled(20),
            timing: EmulatorTiming(visibilityWindow: visibilityWindow, deliveryDelay: 0.5, minimumExecutionTimeout: 1),
            faults: faults
        )
    }

    /// The venv's program, or a failed requirement naming what to install.
    static func venvProgram(_ name: String) throws -> String {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        return PythonTools.program(name).path
    }

    /// Runs the venv's `aws ssm …` against `endpoint` (fake credentials unless `environment` overrides them).
    /// Two attempts, so a non-retryable error prints without botocore's "(reached max retries: 0)".
    static func aws(
        _ arguments: [String],
        endpoint: String,
        environment: [String: String] = [:]
    ) async throws -> ExternalCLI.Run {
        let cli = try ExternalCLI(
            path: try venvProgram("aws"),
            environment: ["AWS_MAX_ATTEMPTS": "2"].merging(environment) { $1 }
        )
        return try await cli.run(
            ["ssm"] + arguments + ["--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json"]
        )
    }

    /// Runs a boto3 script (``BotoDriver/source`` plus `body`) with `endpoint` as `sys.argv[1]`; returns its JSON
    /// output.
    static func boto3(_ body: String, endpoint: String, arguments: [String] = []) async throws -> JSONValue {
        let python = try venvProgram("python")
        let run = try await ExternalCLI(path: python).run(["-c", BotoDriver.source + body, endpoint] + arguments)
        #expect(run.status == 0, "boto3 script failed: \(run.stderr)")
        return try JSONParser.parse(Data(run.stdout.utf8))
    }

    /// Parses JSON text.
    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Data(text.utf8)) }
}

/// Python helpers every boto3 test script starts with.
enum BotoDriver {
    static let source = #"""
        import json, sys, time, boto3
        from botocore.exceptions import ClientError
        ssm = boto3.client("ssm", endpoint_url=sys.argv[1], region_name="us-east-1")
        TERMINAL = {"Success", "Failed", "Cancelled", "TimedOut"}

        def clean(response):
            response.pop("ResponseMetadata", None)
            return response

        def send(commands, instances, **extra):
            parameters = {"commands": commands}
            parameters.update(extra.pop("parameters", {}))
            return ssm.send_command(InstanceIds=instances, DocumentName="AWS-RunShellScript", Parameters=parameters, **extra)["Command"]["CommandId"]

        def get(command_id, instance):
            try:
                return clean(ssm.get_command_invocation(CommandId=command_id, InstanceId=instance))
            except ClientError as error:
                return {"error": error.response["Error"]["Code"], "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}

        def poll(command_id, instance, until=lambda answer: answer.get("Status") in TERMINAL):
            answers = []
            while True:
                answer = get(command_id, instance)
                answers.append(answer)
                if until(answer):
                    return answers
                time.sleep(0.05)

        def emit(value):
            print(json.dumps(value, default=str))

        """#
}

/// Opened once by a test; a sleep of the emulator's clock waits for it (so a test decides when a delay ends,
/// without timing).
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Void.self) }

    func open() {
        continuation.yield()
        continuation.finish()
    }

    func wait() async throws {
        for await _ in stream { return }
        try Task.checkCancellation()
    }

    /// A clock whose sleeps of exactly `gated` emulated seconds wait for the gate; the others are 20 times
    /// shorter, as ``EmulatorFixtures/options(_:offline:faults:visibilityWindow:)``'s.
    func clock(gating gated: Double) -> EmulatorClock {
        EmulatorClock(
            now: { Date() },
            sleep: { seconds in
                if seconds == gated {
                    try await self.wait()
                } else {
                    try await Task.sleep(nanoseconds: UInt64(seconds / 20 * 1e9))
                }
            }
        )
    }
}
