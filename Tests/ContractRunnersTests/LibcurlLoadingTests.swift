import Foundation
import TestSupport
import Testing

#if os(Linux)
/// libcurl is opened when the first request is sent, not when the binary starts (see `CCurl.h`): commands that send
/// nothing never load it, and a libcurl that cannot be loaded is one line naming the library.
@Suite(.timeLimit(.minutes(1))) struct LibcurlLoadingTests {
    static let credentials = [
        "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": "/nonexistent",
    ]

    /// The dynamic loader lists every library it opens on standard error under `LD_DEBUG=libs`.
    @Test func checkAndSkeletonStartWithoutLoadingLibcurl() async throws {
        let response =
            #"{"CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678", "InstanceId": "i-1234567890abcdef0", "#
            + #""Status": "Success", "StatusDetails": "Success", "ResponseCode": 0, "StandardOutputContent": "hi\n"}"#
        for (arguments, input) in [
            (["skeleton", "get-command-invocation"], nil),
            (["check", "get-command-invocation", "-"], response),
        ] as [([String], String?)] {
            let run = try await BuiltCLI.run(
                arguments,
                input: input,
                environment: ProcessInfo.processInfo.environment.merging(["LD_DEBUG": "libs"]) { $1 }
            )
            #expect(run.status == 0, "\(arguments): \(run.err.suffix(300))")
            #expect(run.err.contains("find library="), "LD_DEBUG=libs listed nothing: the probe does not work here")
            #expect(!run.err.contains("libcurl"), "\(arguments) loaded libcurl at start")
        }
    }

    /// The first request opens libcurl: with an unloadable `libcurl.so.4` first on the library path, `record`
    /// fails before sending, with one line naming the library and what to install, and writes nothing.
    @Test func anUnloadableLibcurlIsOneLineNamingIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("libcurl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a shared library\n".utf8).write(to: folder.appendingPathComponent("libcurl.so.4"))
        let output = folder.appendingPathComponent("cassettes")
        try await withRefusingPort { port in
            let run = try await BuiltCLI.run(
                [
                    "record", "--endpoint-url", "http://127.0.0.1:\(port)", "--region", "us-east-1",
                    "--source", "mock:moto@5.2.1", "--output", output.path,
                    "--scenario", "describe-instance-information",
                ],
                environment: Self.credentials.merging(["LD_LIBRARY_PATH": folder.path]) { $1 }
            )
            #expect(run.status == 4)
            let lines = run.err.split(separator: "\n")
            #expect(lines.count == 1, "\(run.err)")
            #expect(run.err.contains("libcurl could not be loaded (\(folder.path)/libcurl.so.4: "))
            #expect(run.err.contains("install it (Debian: apt-get install libcurl4)"))
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: output.appendingPathComponent("describe-instance-information.json").path
            )
        )
    }
}
#endif
