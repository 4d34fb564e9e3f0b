import Foundation
import RawJSON
import SSMOperations
import TestSupport
import Testing

@testable import ContractRunners

/// check-cli against the venv's real AWS CLI v1; each finding is compared with what the CLI does when run directly.
@Suite(.serialized, .timeLimit(.minutes(5))) struct CheckCLITests {
    static let model = SSMShapeModel.bundled

    /// The CLI's own `--generate-cli-skeleton output`, run directly (no endpoint needed: it must not send anything).
    func directOutputRun(_ operation: SSMShapeModel.Operation) async throws -> ExternalCLI.Run {
        let sample = try SkeletonRunner.sampleInput(for: operation, in: Self.model)
        return try await AWSCLIOracle.aws().run([
            "ssm", operation.cliName, "--cli-input-json", JSONWriter.string(sample), "--generate-cli-skeleton",
            "output",
            "--endpoint-url", "http://127.0.0.1:9",
        ])
    }

    @Test func reportMatchesWhatTheInstalledCLIDoes() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let report = try await CheckCLIRunner.check(cli: AWSCLIOracle.aws(), operations: [])
        #expect(report.cliVersion.hasPrefix("aws-cli/1.45.11"))
        #expect(report.results.count == Self.model.operations.count * CheckCLIRunner.checks.count)
        // No --generate-cli-skeleton run sent a request; every filled --cli-input-json run sent exactly one.
        #expect(report.skeletonRuns == 12 && report.skeletonRunRequests == 0)
        #expect(report.commandRunRequests >= 6)
        for id in [
            "input-skeleton-members", "input-skeleton-no-request", "input-skeleton-accepted", "filled-input-sent",
            "output-skeleton-no-request",
        ] {
            let failing = report.results.filter { $0.check == id && !$0.holds }
            #expect(failing.isEmpty, "\(failing)")
        }
        // The CLI's output mode, judged by check-cli, and the same run made directly here.
        for operation in Self.model.operations {
            let finding = try #require(
                report.results.first { $0.operation == operation.cliName && $0.check == "output-skeleton-valid" }
            )
            let direct = try await directOutputRun(operation)
            if direct.status != 0 {
                #expect(!finding.holds)
                #expect(finding.detail.contains("exited \(direct.status)"))
                #expect(finding.detail.contains(direct.firstErrorLine))
            } else if direct.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                #expect(
                    finding.holds,
                    "\(operation.cliName) printed nothing for an empty output shape: \(finding.detail)"
                )
                #expect(Self.model.shapes[operation.output ?? ""]?.members.isEmpty == true)
            } else {
                let output = try JSONParser.parse(direct.stdout)
                let violations = ShapeValidator(model: Self.model, timestamps: .iso8601).validateOutput(
                    output,
                    operation: operation.name
                )
                #expect(finding.holds == violations.isEmpty, "\(operation.cliName): \(finding.detail)")
            }
        }
        // What the CLI really does today (awscli 1.45.11): the stubbed output uses member names as values, which
        // botocore's own validation rejects where a min length applies (CommandId is exactly 36 characters).
        let getInvocation = try #require(
            report.results.first { $0.operation == "get-command-invocation" && $0.check == "output-skeleton-valid" }
        )
        #expect(getInvocation.detail.contains("Invalid length for parameter CommandId, value: 9, valid min length: 36"))
        let describe = try #require(
            report.results.first {
                $0.operation == "describe-instance-information" && $0.check == "output-skeleton-valid"
            }
        )
        #expect(
            describe.detail.contains(
                "InstanceInformationList[0].PingStatus (PingStatus): \"PingStatus\" is not one of Online, ConnectionLost, Inactive"
            )
        )
        #expect(report.exitStatus == .violation)
        #expect(
            report.text.contains("requests received by the counting endpoint: 0 during 12 --generate-cli-skeleton runs")
        )
    }

    @Test func reportsAreWrittenAsJSONAndJUnit() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let report = try await CheckCLIRunner.check(cli: AWSCLIOracle.aws(), operations: ["cancel-command"])
        #expect(report.results.allSatisfy { $0.holds }, "\(report.results)")
        #expect(report.exitStatus == .success)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("check-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("r.json")
        let junit = directory.appendingPathComponent("r.xml")
        try CheckCLIRunner.write(report, json: json.path, junit: junit.path)
        let parsed = try JSONParser.parse(Data(contentsOf: json))
        #expect(parsed["failed"] == 0 && parsed["held"] == 6)
        #expect(parsed["requests"]?["skeletonRunRequests"] == 0)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"cancel-command\" tests=\"6\" failures=\"0\">"))
    }

    @Test func unknownOperationIsBadUsage() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        await #expect(throws: RunnerError.self) {
            try await CheckCLIRunner.check(cli: AWSCLIOracle.aws(), operations: ["nope"])
        }
    }

    @Test func missingCLIIsUnreachable() {
        do {
            _ = try ExternalCLI(path: "/nonexistent/aws")
            Issue.record("a missing CLI was accepted")
        } catch {
            #expect(error.status == .unreachable)
        }
    }

    @Test func aCLIThatDoesNotRunIsUnreachable() async throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-aws-\(UUID().uuidString)")
        try Data("#!/bin/sh\necho 'boom' >&2\nexit 3\n".utf8).write(to: broken)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: broken.path)
        defer { try? FileManager.default.removeItem(at: broken) }
        do {
            _ = try await CheckCLIRunner.check(cli: ExternalCLI(path: broken.path), operations: [])
            Issue.record("a broken CLI was accepted")
        } catch {
            #expect(error.status == .unreachable)
            #expect(error.message.contains("boom"))
        }
    }

    /// A fake CLI that sends a request during --generate-cli-skeleton: check-cli must catch it.
    @Test func aSkeletonRunThatSendsARequestFails() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let leaky = FileManager.default.temporaryDirectory.appendingPathComponent("leaky-aws-\(UUID().uuidString)")
        let script = """
            #!/bin/sh
            # Behaves like aws, but also calls the endpoint when asked for a skeleton.
            for a in "$@"; do case "$prev" in --endpoint-url) url="$a";; esac; prev="$a"; done
            case " $* " in *" --generate-cli-skeleton "*) curl -s -o /dev/null -X POST "$url/" ;; esac
            exec "\(PythonTools.program("aws").path)" "$@"
            """
        try Data(script.utf8).write(to: leaky)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: leaky.path)
        defer { try? FileManager.default.removeItem(at: leaky) }
        let report = try await CheckCLIRunner.check(cli: ExternalCLI(path: leaky.path), operations: ["cancel-command"])
        let noRequest = report.results.filter { $0.check.hasSuffix("no-request") }
        #expect(noRequest.count == 2 && noRequest.allSatisfy { !$0.holds && $0.detail == "1 request received" })
        #expect(report.skeletonRunRequests == 2)
    }
}
