import ContractRunners
import Foundation
import SSMEmulator
import TestSupport
import Testing

/// `record --quiet` keeps standard error to failures: against the emulator, a scenario that succeeds prints one
/// progress line per step without it and none with it, while standard output (the summary) keeps its lines.
@Suite(.serialized) struct QuietProgressTests {
    struct Run {
        let status: Int32
        let out: [String]
        let err: String
    }

    static func record(_ emulator: SSMEmulator, into folder: URL, quiet: Bool) async throws -> Run {
        let binary = try BuiltProducts.ssmContract
        let errors = folder.appendingPathComponent("stderr-\(quiet).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let environment = LiveEmulatorTests.credentials.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let child = try ChildProcess(
            "/usr/bin/env",
            environment + [
                binary.path, "record", "--endpoint-url", emulator.baseURL, "--region", "us-east-1",
                "--source", "mock:ssm-contract-emulator@\(ContractRunnersInfo.version)",
                "--instance-id", LiveEmulatorTests.instances[0], "--scenario", "success-known-output",
                "--poll-delay", "0.05", "--output", folder.appendingPathComponent("out-\(quiet)").path,
            ] + (quiet ? ["--quiet"] : []),
            standardError: errors,
            currentDirectory: PackageRoot.url
        )
        defer { child.stop() }
        var lines: [String] = []
        while let line = try? await child.readLine() { lines.append(line) }
        let status = await child.waitForExit()
        return Run(status: status, out: lines, err: try String(contentsOf: errors, encoding: .utf8))
    }

    @Test(.timeLimit(.minutes(2))) func quietRecordPrintsNoProgressWhenNothingFails() async throws {
        let folder = try LiveEmulatorTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await SSMEmulator.withEmulator(options: LiveEmulatorTests.emulatorOptions()) { emulator in
            let chatty = try await Self.record(emulator, into: folder, quiet: false)
            let quiet = try await Self.record(emulator, into: folder, quiet: true)
            #expect(chatty.status == 0 && quiet.status == 0, "\(chatty.err)\n\(quiet.err)")
            #expect(chatty.err.split(separator: "\n").count >= 2, "one progress line per step: \(chatty.err)")
            #expect(quiet.err.isEmpty, "--quiet printed progress although nothing failed: \(quiet.err)")
            #expect(!quiet.out.isEmpty && quiet.out.count == chatty.out.count, "\(quiet.out) vs \(chatty.out)")
        }
    }
}
