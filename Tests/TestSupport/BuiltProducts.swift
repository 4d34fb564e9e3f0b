import Foundation

/// The executables this package builds (`ssm-contract`, `cassette-write-probe`), found beside the running test
/// binary: `swift build --build-tests` puts both in one bin folder whatever the configuration, triple or
/// `--scratch-path`, so no test names `.build/debug`.
public enum BuiltProducts {
    /// The built `ssm-contract`.
    public static var ssmContract: URL { get throws { try executable("ssm-contract") } }

    /// The built executable `name`.
    ///
    /// - Throws: ``BuiltProductMissing`` when it is not built (say how to build it).
    public static func executable(_ name: String) throws -> URL {
        let url = location(of: name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BuiltProductMissing(name: name, testBinary: Bundle.main.executableURL?.path ?? "the test binary")
        }
        return url
    }

    /// Where the built executable `name` is: beside the test binary (on Linux it sits in the bin folder; on macOS
    /// inside NAME.xctest/Contents/MacOS, three levels down), or, when it is not built, where it would be.
    public static func location(of name: String) -> URL {
        let start =
            Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var folder = start
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return start.appendingPathComponent(name)
    }

    /// The built (or expected) `ssm-contract`, for tests that check it exists themselves.
    public static var ssmContractLocation: URL { location(of: "ssm-contract") }
}

/// One run of a built executable to completion.
public struct CommandRun: Sendable {
    /// The exit status (or the signal number, if it was killed).
    public let status: Int32
    /// Standard output.
    public let out: String
    /// Standard error.
    public let err: String
}

/// Runs the built `ssm-contract` as a user runs it, for CLI tests.
public enum BuiltCLI {
    /// Runs `ssm-contract arguments` in `directory` (default: the package root) with `input` on standard input
    /// (none: /dev/null) and `environment` (default: the test runner's), and waits for it to exit. Output is
    /// read on helper threads, so a chatty process never blocks on a full pipe.
    public static func run(
        _ arguments: [String],
        input: String? = nil,
        in directory: URL = PackageRoot.url,
        environment: [String: String]? = nil,
        executable: URL? = nil
    ) throws -> CommandRun {
        let process = Process()
        process.executableURL = try executable ?? BuiltProducts.ssmContract
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            Thread {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
                group.leave()
            }.start()
        }
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus,
            out: collected.text(isError: false),
            err: collected.text(isError: true)
        )
    }

    /// ``run(_:input:in:environment:executable:)`` off the cooperative thread pool, for async tests.
    public static func run(
        _ arguments: [String],
        input: String? = nil,
        in directory: URL = PackageRoot.url,
        environment: [String: String]? = nil,
        executable: URL? = nil
    ) async throws -> CommandRun {
        let binary = try executable ?? BuiltProducts.ssmContract
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try run(arguments, input: input, in: directory, environment: environment, executable: binary)
                            as CommandRun
                    }
                )
            }.start()
        }
    }
}

/// Standard output and error of one run, filled from two reader threads.
private final class OutputCollector: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.withLock { if isError { err = data } else { out = data } }
    }

    func text(isError: Bool) -> String {
        lock.withLock { String(decoding: isError ? err : out, as: UTF8.self) }
    }
}
