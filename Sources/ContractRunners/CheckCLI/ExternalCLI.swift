import Foundation
import HTTPTransport

/// An external AWS CLI run as a child process with a controlled environment: fake credentials, a fixed region, no
/// config or credentials files, no instance metadata lookups, one attempt per request.
public struct ExternalCLI: Sendable {
    /// The outcome of one run.
    public struct Run: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output.
        public let stdout: String
        /// Standard error.
        public let stderr: String
        /// The first non-empty line of standard error (for one-line reports).
        public var firstErrorLine: String {
            stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        }
    }

    /// The executable's path.
    public let path: String
    /// Extra environment (the region and fake credentials are always set).
    public let environment: [String: String]
    /// Seconds one run may take before the CLI and every process it started are killed (`--timeout`).
    public var timeout: Double = ExternalCLI.defaultTimeout

    /// Resolves `path` (a path, or a bare name looked up on `PATH`); throws ``RunnerError`` (exit 4) when it cannot
    /// be run.
    public init(path: String, environment: [String: String] = [:]) throws(RunnerError) {
        guard let resolved = Self.resolve(path) else {
            throw RunnerError(
                "cannot run the AWS CLI \"\(path)\": not an executable file (pass --aws PATH, or run `make venv`)",
                status: .unreachable
            )
        }
        self.path = resolved
        self.environment = environment
    }

    /// The venv's `aws` (`$SSM_CONTRACT_VENV/bin/aws`, else `.venv/bin/aws`) if present, else `aws` (on `PATH`).
    public static func defaultPath() -> String {
        let candidate = PinnedTools.program("aws").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : "aws"
    }

    static func resolve(_ path: String) -> String? {
        if path.contains("/") { return FileManager.default.isExecutableFile(atPath: path) ? path : nil }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(path)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the CLI with `arguments` in a process group of its own; output is captured through temporary files
    /// (no pipe can fill up). After ``timeout`` seconds the whole group is killed.
    ///
    /// - Throws: ``RunnerError`` (unreachable, 4) when the CLI cannot be started or does not answer in time.
    public func run(_ arguments: [String]) async throws(RunnerError) -> Run {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ssm-contract-cli-\(UUID().uuidString)")
        let ending: ChildProcessGroup.Ending
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            ending = try await ChildProcessGroup.run(
                path,
                arguments,
                environment: childEnvironment(home: directory.path),
                stdout: out.path,
                stderr: err.path,
                timeout: timeout
            )
        } catch {
            throw RunnerError("cannot run the AWS CLI \(path): \(SystemErrorText.reason(error))", status: .unreachable)
        }
        guard case .exited(let status) = ending else {
            let shown =
                arguments.count > 4
                ? arguments.prefix(4).joined(separator: " ") + " …" : arguments.joined(separator: " ")
            throw RunnerError(
                "the AWS CLI \(path) did not answer within \(Self.seconds(timeout)) (`\(shown)`); it and every process it started were stopped — raise --timeout if it is only slow",
                status: .unreachable
            )
        }
        return Run(
            status: status,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        )
    }

    /// Seconds each CLI run may take (`--timeout`).
    public static let defaultTimeout: Double = 60

    static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return value == 1 ? "1 second" : "\(text) seconds"
    }

    private func childEnvironment(home: String) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var env: [String: String] = [
            "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "AWS_ACCESS_KEY_ID": "AKIDSSMCONTRACTFAKE",
            "AWS_SECRET_ACCESS_KEY": "ssm-contract-fake-secret",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_RETRY_MODE": "standard",
            "AWS_PAGER": "",
        ]
        env.merge(environment) { _, new in new }
        return env
    }
}
