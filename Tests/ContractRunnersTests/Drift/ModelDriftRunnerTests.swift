import Foundation
import RawJSON
import TestSupport
import Testing

@testable import ContractRunners

@Suite struct ModelDriftRunnerTests {
    @Test func committedModelMatchesThePinnedBotocore() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let file = try #require(ModelDriftRunner.botocoreServiceFile(venv: PythonTools.venv))
        let report = try await ModelDriftRunner.run(
            ModelDriftRunner.Options(serviceFile: file, botocoreVersion: "1.43.11")
        )
        #expect(report.differences.isEmpty, "\(report.text)")
        #expect(report.exitStatus == .success)
    }

    @Test func driftInTheServiceFileIsNamed() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let file = try #require(ModelDriftRunner.botocoreServiceFile(venv: PythonTools.venv))
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "exec gzip -dc -- \"$0\"", file.path]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        var service = try JSONParser.parse(pipe.fileHandleForReading.readDataToEndOfFile())
        gunzip.waitUntilExit()
        guard case .object(var root) = service, case .object(var shapes)? = root["shapes"],
            case .object(var status)? = shapes["CommandInvocationStatus"]
        else {
            Issue.record("unexpected botocore layout")
            return
        }
        status["enum"] = [
            "Pending", "InProgress", "Delayed", "Success", "Cancelled", "TimedOut", "Failed", "Cancelling", "Paused",
        ]
        shapes["CommandInvocationStatus"] = .object(status)
        root["shapes"] = .object(shapes)
        service = .object(root)
        let changed = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString).json")
        try JSONWriter.data(service).write(to: changed)
        defer { try? FileManager.default.removeItem(at: changed) }
        let report = try await ModelDriftRunner.run(ModelDriftRunner.Options(serviceFile: changed))
        #expect(report.differences.map(\.description) == ["shape CommandInvocationStatus: added enum value \"Paused\""])
        #expect(report.exitStatus == .violation)
    }

    @Test func unreadableServiceFileIsBadInput() async {
        await #expect(throws: RunnerError.self) {
            try await ModelDriftRunner.run(
                ModelDriftRunner.Options(serviceFile: URL(fileURLWithPath: "/nonexistent/service-2.json.gz"))
            )
        }
    }
}
