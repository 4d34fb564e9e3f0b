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

/// `ssm-contract emulate` as a user runs it: the URL on the first line, the AWS CLI pointed at it, SIGINT, the
/// summary; bad options refused with one line and their exit status. Also keeps docs/emulate.md's session true.
@Suite(.timeLimit(.minutes(2))) struct EmulateCommandLineTests {
    static let binary = BuiltProducts.ssmContractLocation

    static func requireBinary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first (swift build)")
    }

    /// Runs the binary to completion (for options it refuses before listening).
    static func refused(_ arguments: [String], environment: [String: String] = [:]) async throws -> ExternalCLI.Run {
        try requireBinary()
        return try await ExternalCLI(path: binary.path, environment: environment).run(["emulate"] + arguments)
    }

    @Test func aHostBeyondLoopbackWithoutSignatureChecksIsRefused() async throws {
        let run = try await Self.refused(["--host", "0.0.0.0"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "ssm-contract: --host 0.0.0.0 is not loopback: the emulator runs the commands clients send, so it listens beyond 127.0.0.1 only with --verify-sigv4\n"
        )
    }

    @Test func badOptionsAreRefusedWithOneLine() async throws {
        let fault = try await Self.refused(["--fault", "slow-disk"])
        #expect(fault.status == 2)
        #expect(
            fault.stderr
                == "ssm-contract: unknown --fault slow-disk; use one of: wrong-truncation, output-while-in-progress, response-code-zero-before-start, terminal-status-changes, repeated-page\n"
        )
        let instance = try await Self.refused(["--instance-id", "web-1"])
        #expect(
            instance.status == 2
                && instance.stderr.hasPrefix("ssm-contract: instance id \"web-1\" is not an SSM instance id")
        )
        let noCredentials = try await Self.refused(
            ["--verify-sigv4"],
            environment: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""]
        )
        #expect(noCredentials.status == 3)
        #expect(
            noCredentials.stderr.hasPrefix(
                "ssm-contract: --verify-sigv4: no credentials: read env AWS_ACCESS_KEY_ID (unset)"
            ),
            "\(noCredentials.stderr)"
        )
        #expect(noCredentials.stderr.split(separator: "\n").count == 1)
    }

    @Test func theDocumentedSessionRunsAsShown() async throws {
        try Self.requireBinary()
        try await withTemporaryFolder { folder in
            let errors = folder.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            let child = try ChildProcess(
                Self.binary.path,
                ["emulate", "--instance-id", "i-0123456789abcdef0", "--time-scale", "20"],
                standardError: errors
            )
            defer { child.stop() }
            let first = try await child.readLine()
            #expect(first.hasPrefix("emulating 1 instance on http://127.0.0.1:"))
            let url = try #require(first.split(separator: " ").last.map(String.init))
            #expect(first == "emulating 1 instance on \(url) — point an SDK at it with --endpoint-url \(url)")

            let page = try String(contentsOf: PackageRoot.path("docs/emulate.md"), encoding: .utf8)
            let send = try #require(DocsSession.block(in: page, startingWith: "$ aws ssm send-command"))
            let sent = try await EmulatorFixtures.aws(DocsSession.arguments(send.command), endpoint: url)
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(
                DocsSession.normalized(sent.stdout, like: send.output) == send.output,
                "docs/emulate.md shows:\n\(send.output)\nthe CLI printed:\n\(sent.stdout)"
            )
            let commandID = try #require(EmulatorFixtures.json(sent.stdout)["Command"]?["CommandId"]?.stringValue)

            let get = try #require(DocsSession.block(in: page, startingWith: "$ aws ssm get-command-invocation"))
            var printed = ""
            for _ in 0..<20 {
                let run = try await EmulatorFixtures.aws(
                    DocsSession.arguments(get.command, commandID: commandID),
                    endpoint: url
                )
                printed = run.stdout
                if try EmulatorFixtures.json(run.stdout)["Status"]?.stringValue == "Failed" { break }
            }
            #expect(
                DocsSession.normalized(printed, like: get.output) == get.output,
                "docs/emulate.md shows:\n\(get.output)\nthe CLI printed:\n\(printed)"
            )

            child.signal(SIGINT)
            let summary = try await child.readLine()
            #expect(
                summary.hasPrefix("emulated 1 command (1 invocation) for ") && summary.hasSuffix(" requests"),
                "\(summary)"
            )
            #expect(await child.waitForExit() == 0)
            let log = try String(contentsOf: errors, encoding: .utf8)
            #expect(
                log.contains("ssm-contract emulate: \(commandID) i-0123456789abcdef0: Failed (ResponseCode 3)"),
                "\(log)"
            )
        }
    }
}

/// The console blocks of docs/emulate.md: a `$ aws …` line and the output under it.
enum DocsSession {
    struct Block {
        let command: String
        let output: String
    }

    /// The ```console block whose first line starts with `prefix`.
    static func block(in page: String, startingWith prefix: String) -> Block? {
        for chunk in page.components(separatedBy: "```console\n").dropFirst() {
            guard let body = chunk.components(separatedBy: "```").first, body.hasPrefix(prefix) else { continue }
            var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var command = lines.removeFirst()
            while command.hasSuffix("\\") && !lines.isEmpty {
                command = String(command.dropLast()) + lines.removeFirst().trimmingCharacters(in: .whitespaces)
            }
            return Block(command: command, output: lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
        }
        return nil
    }

    /// The `aws ssm` arguments of a documented command line, without `--endpoint-url URL` and with
    /// `"$COMMAND_ID"` replaced.
    static func arguments(_ line: String, commandID: String = "") -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in line.dropFirst("$ aws ssm ".count) {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        if let index = words.firstIndex(of: "--endpoint-url") { words.removeSubrange(index...index + 1) }
        return words.map { $0 == "$COMMAND_ID" ? commandID : $0 }
    }

    /// The CLI's output with the values that differ on every run (ids, times) replaced by the page's.
    static func normalized(_ printed: String, like shown: String) -> String {
        var text = printed.trimmingCharacters(in: .newlines)
        let strings = ["CommandId", "ExecutionStartDateTime", "ExecutionEndDateTime", "ExecutionElapsedTime"]
        for member in strings + ["ExpiresAfter", "RequestedDateTime"] {
            let pattern = strings.contains(member) ? "\"\(member)\": \"[^\"]*\"" : "\"\(member)\": [0-9.E]+"
            guard let shownRange = shown.range(of: pattern, options: .regularExpression) else { continue }
            text = text.replacingOccurrences(of: pattern, with: String(shown[shownRange]), options: .regularExpression)
        }
        return text
    }
}
