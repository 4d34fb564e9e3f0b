import Foundation
import RawJSON
import SSMEmulator
import TestSupport
import Testing

/// Commands really run, driven end to end through boto3: output, in-flight answers, exit codes, timeouts, cancel.
@Suite(.timeLimit(.minutes(2))) struct EmulatorLifecycleTests {
    static let statusRank = ["Pending": 0, "InProgress": 1, "Success": 2, "Failed": 2, "Cancelled": 2, "TimedOut": 2]

    /// The GetCommandInvocation answers of one run, after the invocation became visible.
    static func answers(_ output: JSONValue) -> [JSONValue] {
        (output["polls"]?.arrayValue ?? []).filter { $0["error"] == nil }
    }

    @Test func aScriptRunsAndItsOutputArrivesWithTheTerminalStatus() async throws {
        let output = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
            try await EmulatorFixtures.boto3(
                """
                cid = send(["echo hello from $AWS_SSM_INSTANCE_ID", "echo to-stderr >&2", "pwd"], [sys.argv[2]])
                emit({"polls": poll(cid, sys.argv[2])})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
        }
        let last = try #require(Self.answers(output).last)
        #expect(last["Status"]?.stringValue == "Success" && last["StatusDetails"]?.stringValue == "Success")
        #expect(last["ResponseCode"]?.intValue == 0)
        let stdout = try #require(last["StandardOutputContent"]?.stringValue)
        #expect(stdout.hasPrefix("hello from \(EmulatorFixtures.instance)\n"))
        #expect(
            stdout.hasSuffix("/instances/\(EmulatorFixtures.instance)\n"),
            "runs in the instance's scratch folder: \(stdout)"
        )
        #expect(last["StandardErrorContent"]?.stringValue == "to-stderr\n")
        #expect(last["PluginName"]?.stringValue == "aws:runShellScript")
        let start = try #require(last["ExecutionStartDateTime"]?.stringValue)
        #expect(
            start.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil,
            "\(start)"
        )
        #expect(
            last["ExecutionElapsedTime"]?.stringValue?.range(of: #"^PT\d+(\.\d+)?S$"#, options: .regularExpression)
                != nil
        )
    }

    @Test func anInFlightInvocationHasNoOutputNoEndAndResponseCodeMinusOne() async throws {
        let output = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
            try await EmulatorFixtures.boto3(
                """
                cid = send(["echo started", "sleep 2", "echo done"], [sys.argv[2]])
                emit({"polls": poll(cid, sys.argv[2])})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
        }
        let answers = Self.answers(output)
        let statuses = answers.compactMap { $0["Status"]?.stringValue }
        let ranks = statuses.compactMap { Self.statusRank[$0] }
        #expect(ranks == ranks.sorted(), "statuses only move forward: \(statuses)")
        #expect(statuses.contains("InProgress") && statuses.last == "Success", "\(statuses)")
        for answer in answers where answer["Status"]?.stringValue != "Success" {
            #expect(answer["ResponseCode"]?.intValue == -1)
            #expect(answer["StandardOutputContent"]?.stringValue == "")
            #expect(answer["ExecutionEndDateTime"]?.stringValue == "")
            if answer["Status"]?.stringValue == "Pending" {
                #expect(answer["ExecutionStartDateTime"]?.stringValue == "")
            }
        }
        let inProgress = try #require(answers.first { $0["Status"]?.stringValue == "InProgress" })
        #expect(inProgress["ExecutionStartDateTime"]?.stringValue?.isEmpty == false)
        #expect(answers.last?["StandardOutputContent"]?.stringValue == "started\ndone\n")
    }

    @Test func aFailingScriptEndsFailedWithItsExitCodeAndTheAgentsLine() async throws {
        let output = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
            try await EmulatorFixtures.boto3(
                """
                cid = send(["echo partial", "echo something broke >&2", "exit 3"], [sys.argv[2]])
                polls = poll(cid, sys.argv[2])
                command = ssm.list_commands(CommandId=cid)["Commands"][0]
                complete = ssm.list_commands(Filters=[{"key": "ExecutionStage", "value": "Complete"}])["Commands"]
                executing = ssm.list_commands(Filters=[{"key": "ExecutionStage", "value": "Executing"}])["Commands"]
                emit({"polls": polls, "command": command, "complete": len(complete), "executing": len(executing)})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
        }
        let last = try #require(Self.answers(output).last)
        #expect(last["Status"]?.stringValue == "Failed" && last["StatusDetails"]?.stringValue == "Failed")
        #expect(last["ResponseCode"]?.intValue == 3)
        #expect(last["StandardOutputContent"]?.stringValue == "partial\n")
        #expect(last["StandardErrorContent"]?.stringValue == "something broke\nfailed to run commands: exit status 3")
        let command = try #require(output["command"])
        #expect(command["Status"]?.stringValue == "Failed" && command["StatusDetails"]?.stringValue == "Failed")
        #expect(command["TargetCount"]?.intValue == 1 && command["CompletedCount"]?.intValue == 1)
        #expect(command["ErrorCount"]?.intValue == 1 && command["DeliveryTimedOutCount"]?.intValue == 0)
        #expect(output["complete"]?.intValue == 1 && output["executing"]?.intValue == 0)
    }

    @Test func theExecutionTimeoutKillsTheWholeProcessGroup() async throws {
        try await withTemporaryFolder { folder in
            let output = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
                try await EmulatorFixtures.boto3(
                    """
                    cid = send(["sleep 30 &", "echo $! > child.pid", "echo waiting", "wait"], [sys.argv[2]],
                               parameters={"executionTimeout": ["1"], "workingDirectory": [sys.argv[3]]})
                    emit({"polls": poll(cid, sys.argv[2])})
                    """,
                    endpoint: emulator.baseURL,
                    arguments: [EmulatorFixtures.instance, folder.path]
                )
            }
            let last = try #require(Self.answers(output).last)
            #expect(
                last["Status"]?.stringValue == "TimedOut" && last["StatusDetails"]?.stringValue == "ExecutionTimedOut"
            )
            #expect(last["ResponseCode"]?.intValue == 137)
            #expect(last["StandardOutputContent"]?.stringValue == "waiting\n", "output printed before the kill is kept")
            let pid = try #require(
                Int32(
                    String(contentsOf: folder.appendingPathComponent("child.pid"), encoding: .utf8).trimmingCharacters(
                        in: .whitespacesAndNewlines
                    )
                )
            )
            #expect(!Self.isAlive(pid), "the background sleep was killed with its group")
        }
    }

    @Test func cancellingARunningCommandKillsItAndEndsCancelled() async throws {
        let output = try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
            try await EmulatorFixtures.boto3(
                """
                cid = send(["echo before", "sleep 30", "echo after"], [sys.argv[2]])
                before = poll(cid, sys.argv[2], until=lambda answer: answer.get("Status") == "InProgress")
                ssm.cancel_command(CommandId=cid)
                emit({"polls": before + poll(cid, sys.argv[2])})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
        }
        let last = try #require(Self.answers(output).last)
        #expect(last["Status"]?.stringValue == "Cancelled" && last["StatusDetails"]?.stringValue == "Cancelled")
        #expect(last["ResponseCode"]?.intValue == 137)
        #expect(last["StandardOutputContent"]?.stringValue == "before\n")
    }

    @Test func anOfflineInstanceStaysPendingUntilTheDeliveryTimeout() async throws {
        // The delivery timeout (TimeoutSeconds 30) ends when the test opens the gate, after it saw Pending.
        let gate = Gate()
        var options = EmulatorFixtures.options([EmulatorFixtures.instance], offline: [EmulatorFixtures.offline])
        options.clock = gate.clock(gating: 30)
        let (pending, output) = try await SSMEmulator.withEmulator(options: options) { emulator in
            let pending = try await EmulatorFixtures.boto3(
                """
                cid = send(["echo never"], [sys.argv[2]], TimeoutSeconds=30)
                emit({"cid": cid, "polls": poll(cid, sys.argv[2], until=lambda answer: "Status" in answer)})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.offline]
            )
            gate.open()
            let output = try await EmulatorFixtures.boto3(
                """
                polls = poll(sys.argv[3], sys.argv[2])
                nodes = ssm.describe_instance_information()["InstanceInformationList"]
                emit({"polls": polls, "nodes": {n["InstanceId"]: n["PingStatus"] for n in nodes}})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.offline, pending["cid"]?.stringValue ?? ""]
            )
            return (pending, output)
        }
        let before = try #require(Self.answers(pending).last)
        #expect(before["Status"]?.stringValue == "Pending" && before["ResponseCode"]?.intValue == -1)
        #expect(before["ExecutionStartDateTime"]?.stringValue == "")
        let answers = Self.answers(output)
        #expect(
            answers.dropLast().allSatisfy {
                $0["Status"]?.stringValue == "Pending" && $0["ResponseCode"]?.intValue == -1
            }
        )
        let last = try #require(answers.last)
        #expect(last["Status"]?.stringValue == "TimedOut" && last["StatusDetails"]?.stringValue == "DeliveryTimedOut")
        #expect(last["ResponseCode"]?.intValue == -1 && last["ExecutionStartDateTime"]?.stringValue == "")
        #expect(output["nodes"]?[EmulatorFixtures.offline]?.stringValue == "ConnectionLost")
        #expect(output["nodes"]?[EmulatorFixtures.instance]?.stringValue == "Online")
    }

    @Test func nothingKeepsRunningOnceTheBodyThrows() async throws {
        struct Stop: Error {}
        try await withTemporaryFolder { folder in
            await #expect(throws: Stop.self) {
                try await SSMEmulator.withEmulator(options: EmulatorFixtures.options()) { emulator in
                    _ = try await EmulatorFixtures.boto3(
                        """
                        cid = send(["echo $$ > shell.pid", "sleep 30 & echo $! > child.pid", "wait"], [sys.argv[2]],
                                   parameters={"workingDirectory": [sys.argv[3]]})
                        emit(poll(cid, sys.argv[2], until=lambda answer: answer.get("Status") == "InProgress"))
                        """,
                        endpoint: emulator.baseURL,
                        arguments: [EmulatorFixtures.instance, folder.path]
                    )
                    throw Stop()
                }
            }
            for name in ["shell.pid", "child.pid"] {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
                #expect(!Self.isAlive(pid), "\(name) \(pid) was killed when the emulator stopped")
            }
        }
    }

    /// Whether a process exists and is not a zombie (a killed child may wait to be reaped by init).
    static func isAlive(_ pid: Int32) -> Bool {
        for _ in 0..<100 {
            #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            if state == "Z" || state == "X" { return false }
            #else
            // No /proc (macOS): the process table says whether it still exists (launchd reaps zombies at once).
            if kill(pid, 0) != 0, errno == ESRCH { return false }
            #endif
            usleep(20_000)  // SIGKILL is asynchronous: give the kernel a moment before calling it alive
        }
        return true
    }
}

/// Runs `body` with a fresh temporary folder, removed afterwards.
func withTemporaryFolder<R>(_ body: (URL) async throws -> R) async throws -> R {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}
