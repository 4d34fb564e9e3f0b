import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `check-cli --timeout S`: a CLI that does not answer is killed with every process it started, and the run
/// exits 4 with one line; results are printed as they are known.
@Suite(.serialized, .timeLimit(.minutes(2))) struct CheckCLITimeoutTests {
    @Test func aHangingCLIIsKilledWithItsWholeProcessGroup() async throws {
        try await BinaryRun.withFolder { folder in
            let pidFile = folder.appendingPathComponent("child.pid")
            let script = folder.appendingPathComponent("aws")
            try """
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "aws-cli/0.0.0 hanging-test-cli"; exit 0; fi
            sleep 1000 &
            echo $! > \(pidFile.path)
            wait
            """.write(to: script, atomically: true, encoding: .utf8)
            chmod(script.path, 0o755)
            let run = try await BinaryRun.run([
                "check-cli", "--aws", script.path, "--timeout", "1", "get-command-invocation",
            ])
            #expect(run.status == 4)
            #expect(
                run.errorLines == [
                    "ssm-contract: the AWS CLI \(script.path) did not answer within 1 second (`ssm get-command-invocation --generate-cli-skeleton input …`); it and every process it started were stopped — raise --timeout if it is only slow"
                ]
            )
            #expect(
                run.out == "check-cli: \(script.path) (aws-cli/0.0.0 hanging-test-cli)\n",
                "the header was printed as soon as it was known"
            )
            let pid = try #require(
                Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
            )
            #expect(!Self.isRunning(pid), "the CLI's background child \(pid) was left running")
        }
    }

    @Test func badTimeoutsAreUsageErrors() async throws {
        for value in ["0", "-5"] {
            let run = try await BinaryRun.run(["check-cli", "--timeout", value])
            #expect(run.status == 2)
            #expect(run.err.contains("--timeout \(Double(value)!): use a number of seconds more than 0"), "\(run.err)")
        }
    }

    @Test func quietPrintsOnlyFailuresAndTheSummary() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let run = try await BinaryRun.run([
            "check-cli", "--aws", PythonTools.program("aws").path, "--quiet", "get-command-invocation",
        ])
        #expect(run.status == 1, "AWS CLI 1.45.11's own output skeleton fails its model")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "get-command-invocation")
        #expect(lines.dropFirst().first?.hasPrefix("  FAIL output-skeleton-valid") == true)
        #expect(!run.out.contains("PASS"))
        #expect(lines.last == "5 checks held, 1 failed")
    }

    /// Whether `pid` is alive (a zombie waiting for its reaper is not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
