import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ssm-contract serve` as a user runs it: read the port from the first line, send requests, SIGINT, read the
/// summary and the exit status.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeCommandLineTests {

    struct Finished {
        let status: Int32
        let stdout: [String]
        let stderr: String
    }

    /// Starts the binary; `body` gets the process and its first output line, then the process is reaped.
    static func withServe(
        _ arguments: [String],
        _ body: (ChildProcess, String?) async throws -> Void
    ) async throws -> Finished {
        let binary = try BuiltProducts.ssmContract
        return try await ServeFixtures.withTemporaryFolder { folder in
            let errors = folder.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            let child = try ChildProcess(
                binary.path,
                ["serve"] + arguments,
                standardError: errors,
                currentDirectory: PackageRoot.url
            )
            let first = try? await child.readLine()
            try await body(child, first)
            var lines = first.map { [$0] } ?? []
            while let line = try? await child.readLine() { lines.append(line) }
            let status = await child.waitForExit()
            return Finished(status: status, stdout: lines, stderr: try String(contentsOf: errors, encoding: .utf8))
        }
    }

    @Test func servesUntilSIGINTThenPrintsTheSummaryAndExitsOneAfterAMiss() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let report = folder.appendingPathComponent("report.json")
            let finished = try await Self.withServe(["Recordings/aws-docs", "--report", report.path]) { child, first in
                let line = try #require(first)
                #expect(line.hasPrefix("serving 4 cassettes (4 interactions) on http://127.0.0.1:"))
                let url = try #require(line.split(separator: " ").last.map(String.init))
                #expect(line.hasSuffix(" — point an SDK at it with --endpoint-url \(url)"))
                try await CurlTransport.withCurlTransport { curl in
                    var request = HTTPRequest(
                        method: "POST",
                        url: url + "/",
                        headers: [
                            "X-Amz-Target": "AmazonSSM.ListCommandInvocations",
                            "Content-Type": "application/x-amz-json-1.1",
                        ]
                    )
                    request.body = Data(#"{"Details":true,"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678"}"#.utf8)
                    let answered = try await curl.send(request)
                    #expect(answered.status == 200)
                    request.body = Data(#"{"Details":false,"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678"}"#.utf8)
                    let missed = try await curl.send(request)
                    #expect(missed.status == 400)
                }
                child.signal(SIGINT)
            }
            #expect(finished.status == 1)
            #expect(finished.stdout.contains("served 2 requests: 1 answered, 1 missed"), "\(finished.stdout)")
            #expect(
                finished.stdout.contains {
                    $0.hasSuffix("list-command-invocations-cli-example.json: 1 interaction, 1 replayed, none unused")
                }
            )
            #expect(
                finished.stdout.contains {
                    $0.hasSuffix("get-command-invocation-cli-example.json: 1 interaction, 0 replayed, 1 unused")
                }
            )
            #expect(finished.stderr.contains("ssm-contract serve: miss: "))
            #expect(finished.stderr.contains("body.Details: false ≠ recorded true"))
            let json = try JSONParser.parse(Data(contentsOf: report)).objectValue
            #expect(json?["requests"]?.intValue == 2)
            #expect(json?["misses"]?.arrayValue?.count == 1)
            #expect(json?["unusedInteractions"]?.intValue == 3)
            #expect(json?["exitStatus"]?.intValue == 1)
        }
    }

    /// The stop summary and the miss log name a cassette as it was given on the command line: a relative path
    /// stays relative, the server's own folders never appear.
    @Test func theSummaryAndTheLogNameTheCassetteAsGiven() async throws {
        let cassette = "Recordings/aws-docs/get-command-invocation-cli-example.json"
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let finished = try await Self.withServe([cassette, "--report", report.path]) { child, first in
            let line = try #require(first)
            let url = try #require(line.split(separator: " ").last.map(String.init))
            try await CurlTransport.withCurlTransport { curl in
                var request = HTTPRequest(
                    method: "POST",
                    url: url + "/",
                    headers: [
                        "X-Amz-Target": "AmazonSSM.GetCommandInvocation",
                        "Content-Type": "application/x-amz-json-1.1",
                    ]
                )
                request.body = Data(#"{"CommandId":"00000000-0000-4000-8000-000000000000","InstanceId":"i-1"}"#.utf8)
                let missed = try await curl.send(request)
                #expect(missed.status == 400)
            }
            child.signal(SIGINT)
        }
        #expect(finished.status == 1)
        #expect(
            finished.stdout.contains { $0.hasPrefix("  miss: \(cassette): no recorded interaction matches") },
            "\(finished.stdout)"
        )
        #expect(finished.stderr.contains("ssm-contract serve: miss: \(cassette): no recorded interaction matches"))
        let json = try JSONParser.parse(Data(contentsOf: report)).objectValue
        #expect(json?["cassettes"]?.arrayValue?.first?.objectValue?["file"]?.stringValue == cassette)
        #expect(json?["misses"]?.arrayValue?.first?.stringValue?.hasPrefix(cassette + ": ") == true)
        let output =
            finished.stdout.joined(separator: "\n") + finished.stderr
            + String(decoding: try Data(contentsOf: report), as: UTF8.self)
        #expect(!output.contains(PackageRoot.url.path), "an absolute path where a relative one was given:\n\(output)")
    }

    @Test func sigtermWithNothingMissedExitsZeroUnlessStrict() async throws {
        let plain = try await Self.withServe(["Recordings/aws-docs/get-command-invocation-cli-example.json"]) {
            child,
            first in
            #expect(first?.hasPrefix("serving 1 cassette (1 interaction) on http://127.0.0.1:") == true)
            child.signal(SIGTERM)
        }
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("served 0 requests: 0 answered, 0 missed"))
        let strict = try await Self.withServe([
            "--strict", "Recordings/aws-docs/get-command-invocation-cli-example.json",
        ]) { child, _ in
            child.signal(SIGINT)
        }
        #expect(strict.status == 1)
    }

    @Test func badInputExitsTwoAndABusyPortExitsFour() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let broken = folder.appendingPathComponent("broken.json")
            try Data("{\"format\":".utf8).write(to: broken)
            let malformed = try await Self.withServe([broken.path]) { _, first in #expect(first == nil) }
            #expect(malformed.status == 2)
            #expect(malformed.stderr.hasPrefix("ssm-contract: \(broken.path): "))
            #expect(malformed.stderr.split(separator: "\n").count == 1)
            let badFlag = try await Self.withServe(["--exhaustion", "sometimes"]) { _, _ in }
            #expect(badFlag.status == 2)
            #expect(badFlag.stderr.contains("--exhaustion sometimes: use repeat-last or fail"))
        }
        try await withRefusingPort { port in
            let busy = try await Self.withServe(["--port", String(port), "Recordings/aws-docs"]) { _, first in
                #expect(first == nil)
            }
            #expect(busy.status == 4)
            #expect(
                busy.stderr
                    == "ssm-contract: port \(port) on 127.0.0.1 is already in use (another server listens there); stop it, choose another --port, or use --port 0 for any free port\n"
            )
        }
    }
}
