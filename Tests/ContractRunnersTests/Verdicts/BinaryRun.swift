import Foundation
import TestSupport
import Testing

/// The built `ssm-contract`, run as a user runs it, with what it printed and its exit status.
struct BinaryRun {
    let status: Int32
    let out: String
    let err: String

    /// Standard error's lines, without empty ones.
    var errorLines: [String] { err.split(separator: "\n").map(String.init) }

    static let binary = BuiltProducts.ssmContractLocation

    /// Runs the binary in the package root (or `directory`) with `input` on standard input. The waiting happens
    /// on a thread of its own, so that tests running beside it keep the concurrency pool.
    static func run(
        _ arguments: [String],
        input: String = "",
        environment: [String: String]? = nil,
        directory: URL = PackageRoot.url
    ) async throws -> BinaryRun {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first (swift build)")
        return try await offThePool {
            try runBlocking(arguments, input: input, environment: environment, directory: directory)
        }
    }

    /// Runs blocking work (waiting for a child process) on a thread of its own, never on the concurrency pool
    /// that servers in tests running beside it need.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private static func runBlocking(
        _ arguments: [String],
        input: String,
        environment: [String: String]?,
        directory: URL
    ) throws -> BinaryRun {
        let run =
            try BuiltCLI.run(
                arguments,
                input: input,
                in: directory,
                environment: environment,
                executable: binary
            ) as CommandRun
        return BinaryRun(status: run.status, out: run.out, err: run.err)
    }

    /// A fresh temporary folder, removed after `body`.
    static func withFolder<R>(_ body: (URL) async throws -> R) async throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ssm-contract-verdicts-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// An environment with fake credentials and no AWS configuration files, for commands refused before sending.
    static var fakeAWSEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_ACCESS_KEY_ID"] = "AKIDVERDICTSTEST0001"
        environment["AWS_SECRET_ACCESS_KEY"] = "verdicts-test-secret-not-real"
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment["AWS_REGION"] = "us-east-1"
        return environment
    }
}
