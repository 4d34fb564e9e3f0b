import Foundation
import TestSupport
import Testing

/// Messages a person can act on: what happened and what to do, without framework internals.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ActionableMessageTests {
    static func expectOneLine(
        _ run: BinaryRun,
        status: Int32,
        _ expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.status == status, "exit \(run.status): \(run.err)", sourceLocation: sourceLocation)
        #expect(run.errorLines == [expected], sourceLocation: sourceLocation)
        for frameworkText in ["NSPOSIXErrorDomain", "NIO", "errno", "Error Domain", "IOError"] {
            #expect(!run.err.contains(frameworkText), "\(run.err)", sourceLocation: sourceLocation)
        }
    }

    @Test func aPortInUseSaysSoAndSuggestsPortZero() async throws {
        try await withUnansweredPort { port in
            let run = try await BinaryRun.run(["serve", "Recordings/aws-docs", "--port", "\(port)"])
            Self.expectOneLine(run, status: 4, Self.portInUse(port))
            #expect(run.out.isEmpty)
        }
    }

    /// The line `serve`, `proxy` and `emulate` print for a port another server holds.
    static func portInUse(_ port: Int) -> String {
        "ssm-contract: port \(port) on 127.0.0.1 is already in use (another server listens there); stop it, choose another --port, or use --port 0 for any free port"
    }

    @Test func proxyAndEmulateSayThePortIsInUseAsServeDoesAndRecordNothing() async throws {
        try await BinaryRun.withFolder { folder in
            try await withUnansweredPort { port in
                let upstream = "http://127.0.0.1:9"
                let proxyCassette = folder.appendingPathComponent("pp.json")
                let proxy = try await BinaryRun.run(
                    [
                        "proxy", "--upstream", upstream, "--source", "mock:moto@5.2.1", "--record", proxyCassette.path,
                        "--port", "\(port)",
                    ],
                    environment: BinaryRun.fakeAWSEnvironment
                )
                Self.expectOneLine(proxy, status: 4, Self.portInUse(port))
                #expect(proxy.out.isEmpty)
                #expect(
                    !FileManager.default.fileExists(atPath: proxyCassette.path),
                    "a proxy that never listened leaves no cassette (the next run would refuse --record exists)"
                )

                let serveCassette = folder.appendingPathComponent("new.json")
                let serve = try await BinaryRun.run([
                    "serve", "--record-missing", "--upstream", upstream, "--source", "mock:moto@5.2.1",
                    serveCassette.path, "--port", "\(port)",
                ])
                Self.expectOneLine(serve, status: 4, Self.portInUse(port))
                #expect(!FileManager.default.fileExists(atPath: serveCassette.path))

                let emulate = try await BinaryRun.run(["emulate", "--port", "\(port)"])
                Self.expectOneLine(emulate, status: 4, Self.portInUse(port))
                #expect(emulate.out.isEmpty)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test func negativeNumbersSayTheAllowedRange() async throws {
        Self.expectOneLine(
            try await BinaryRun.run(["serve", "--port", "-1"]),
            status: 2,
            "ssm-contract: --port -1: use 0 to 65535 (usage: ssm-contract serve --help)"
        )
        Self.expectOneLine(
            try await BinaryRun.run(["serve", "--port", "70000"]),
            status: 2,
            "ssm-contract: --port 70000: use 0 to 65535 (usage: ssm-contract serve --help)"
        )
        let record = try await BinaryRun.run([
            "record", "--source", "mock:moto@5.2.1", "--output", "/tmp/x", "--poll-delay", "-1",
        ])
        Self.expectOneLine(
            record,
            status: 2,
            "ssm-contract: --poll-delay -1.0: use 0 or more seconds (usage: ssm-contract record --help)"
        )
        let live = try await BinaryRun.run(["live", "--instance-id", "i-0123456789abcdef0", "--poll-delay", "-2"])
        Self.expectOneLine(
            live,
            status: 2,
            "ssm-contract: --poll-delay -2.0: use 0 or more seconds (usage: ssm-contract live --help)"
        )
    }

    /// A flag that would be ignored is refused with one line: `verify --markdown` without `--list-contracts`, and
    /// `--list-contracts` with cassettes or a report to write (each was silently dropped, exit 0).
    @Test(arguments: [
        (["--markdown", "Recordings/aws-docs"], "--markdown only applies with --list-contracts"),
        (
            ["--list-contracts", "Recordings/aws-docs"],
            "--list-contracts prints the catalog and reads no cassettes; give either cassettes or --list-contracts"
        ),
        (["--list-contracts", "--json", "-"], "--list-contracts writes no report; drop --json and --junit"),
    ])
    func verifyRefusesAFlagItWouldIgnore(arguments: [String], expected: String) async throws {
        Self.expectOneLine(
            try await BinaryRun.run(["verify"] + arguments),
            status: 2,
            "ssm-contract: \(expected) (usage: ssm-contract verify --help)"
        )
    }

    /// Every flag that takes a number accepts a negative one as its value (not "Missing value") and refuses it
    /// with one line naming the flag and the allowed range.
    @Test(arguments: [
        (
            ["proxy", "--upstream", "http://127.0.0.1:1", "--record", "/tmp/never.json", "--port", "-1"],
            "--port -1: use 0 to 65535"
        ),
        (["emulate", "--port", "-1"], "--port -1: use 0 to 65535"),
        (
            ["emulate", "--time-scale", "-1"],
            "--time-scale -1.0: use a number above 0 (10 makes the emulator's delays 10 times shorter)"
        ),
        (["emulate", "--visibility-window", "-1"], "--visibility-window -1.0: use 0 or more seconds"),
        (["emulate", "--delivery-delay", "-1"], "--delivery-delay -1.0: use 0 or more seconds"),
        (["emulate", "--min-execution-timeout", "-1"], "--min-execution-timeout -1: use 1 or more seconds"),
        (["serve", "--max-body-bytes", "-5"], "--max-body-bytes -5: give a size in bytes above 0"),
        (
            ["serve", "--fault-seed", "-1"],
            "The value '-1' is invalid for '--fault-seed <fault-seed>': use a whole number from 0 to 18446744073709551615"
        ),
        (
            ["live", "--instance-id", "i-0123456789abcdef0", "--max-wall-time", "-5"],
            "--max-wall-time -5.0: use a number of seconds above 0"
        ),
        (
            ["live", "--instance-id", "i-0123456789abcdef0", "--max-api-calls", "-1"],
            "--max-api-calls -1: use 1 or more"
        ),
        (["live", "--instance-id", "i-0123456789abcdef0", "--concurrency", "-1"], "--concurrency -1: use 1 or more"),
        (
            ["record", "--source", "mock:moto@5.2.1", "--output", "/tmp/never", "--concurrency", "-1"],
            "--concurrency -1: use 1 or more"
        ),
    ])
    func aNegativeNumberIsRefusedWithItsRange(arguments: [String], expected: String) async throws {
        Self.expectOneLine(
            try await BinaryRun.run(arguments),
            status: 2,
            "ssm-contract: \(expected) (usage: ssm-contract \(arguments[0]) --help)"
        )
    }

    @Test func aFolderGivenToCheckSaysItIsAFolder() async throws {
        let body = "Recordings/aws-docs/get-command-invocation-cli-example.json"
        Self.expectOneLine(
            try await BinaryRun.run(["check", "get-command-invocation", "Recordings/aws-docs"]),
            status: 2,
            "ssm-contract: Recordings/aws-docs: is a folder; give the response body's file (or - for standard input), or judge the cassettes in it with `ssm-contract verify Recordings/aws-docs`"
        )
        Self.expectOneLine(
            try await BinaryRun.run(["check", "get-command-invocation", body, "--request", "Recordings"]),
            status: 2,
            "ssm-contract: Recordings: is a folder; give --request the request body's file (or - for standard input)"
        )
    }

    /// A file that is not a cassette, given to `verify` or `serve`, is named for what it is, with what to do:
    /// a response body (use check), a HAR capture (har import it).
    @Test(arguments: [
        (
            "response.json", #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","Status":"Success"}"#,
            "is not an ssm-contract cassette (no \"format\" or \"interactions\"); if it is a response body, judge it with `ssm-contract check OPERATION FILE`"
        ),
        (
            "session.har", #"{"log":{"version":"1.2","creator":{"name":"browser","version":"1"},"entries":[]}}"#,
            "is a HAR capture (\"log\" with \"entries\"), not an ssm-contract cassette; make a cassette of it with `ssm-contract har import FILE --output CASSETTE --source SOURCE`"
        ),
    ])
    func aFileThatIsNotACassetteSaysWhatItIsAndWhatToUse(name: String, content: String, message: String) async throws {
        try await BinaryRun.withFolder { folder in
            let file = folder.appendingPathComponent(name)
            try content.write(to: file, atomically: true, encoding: .utf8)
            let expected = "ssm-contract: \(file.path): " + message.replacingOccurrences(of: "FILE", with: file.path)
            Self.expectOneLine(try await BinaryRun.run(["verify", file.path]), status: 2, expected)
            Self.expectOneLine(try await BinaryRun.run(["serve", file.path]), status: 2, expected)
        }
    }

    @Test func withoutAUTF8LocaleTheSymbolsAreASCII() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        let body = #"{"Status":"Success","StatusDetails":"InProgress"}"#
        let ascii = try await BinaryRun.run(
            ["check", "get-command-invocation", "-"],
            input: body,
            environment: environment
        )
        #expect(ascii.status == 1)
        #expect(
            ascii.out.contains("  x -: $.StatusDetails = \"InProgress\"") || ascii.out.contains("x -"),
            "\(ascii.out)"
        )
        #expect(!ascii.out.utf8.contains { $0 >= 0x80 }, "only ASCII without a UTF-8 locale: \(ascii.out)")
        environment["LC_ALL"] = "C.UTF-8"
        let utf8 = try await BinaryRun.run(
            ["check", "get-command-invocation", "-"],
            input: body,
            environment: environment
        )
        #expect(utf8.out.contains("✗"))
    }

    @Test func checkReadingATerminalSaysItWaitsForStandardInput() async throws {
        // A real terminal: python's pty module runs the binary on a pseudo-terminal, types a body and Ctrl-D.
        let script = """
            import os, pty, select, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], [sys.argv[1], "check", "get-command-invocation"])
            seen = b""
            def read_until(marker):
                global seen
                while marker not in seen:
                    ready, _, _ = select.select([fd], [], [], 30)
                    if not ready: sys.exit("timed out waiting for %r; got %r" % (marker, seen))
                    try: chunk = os.read(fd, 4096)
                    except OSError: return
                    if not chunk: return
                    seen += chunk
            read_until(b"standard input")
            os.write(fd, b'{"Status":"Success","StatusDetails":"Success"}\\n')
            os.write(fd, b"\\x04")
            read_until(b"No violations.")
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(seen.decode("utf-8", "replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let binary = BinaryRun.binary.path
        let (status, text) = try await BinaryRun.offThePool { () throws -> (Int32, String) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, binary]
            process.currentDirectoryURL = PackageRoot.url
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(status == 0, "\(text)")
        #expect(
            text.contains(
                "ssm-contract check: reading the response body from standard input (paste it, then Ctrl-D; or give a FILE)"
            )
        )
        #expect(text.contains("No violations."))
    }
}
