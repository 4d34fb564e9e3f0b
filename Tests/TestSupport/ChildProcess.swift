import Foundation

/// A child process for tests (a Python server, `openssl`), with its standard output readable line by line
/// without blocking a Swift concurrency thread.
///
/// Its standard input is a pipe held open by this object: a child that should die with the test can watch for
/// end of input. Standard error is discarded, so a leftover child never holds the test runner's output open.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipes are only used via their thread-safe APIs.
    private let process = Process()
    private let output = Pipe()
    private let input = Pipe()

    /// Starts `executable` with `arguments`; standard error goes to `standardError` (a file that must exist)
    /// or is discarded; `currentDirectory` defaults to the test runner's.
    public init(
        _ executable: String,
        _ arguments: [String],
        standardError: URL? = nil,
        currentDirectory: URL? = nil
    ) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardInput = input
        process.standardError = try standardError.map { try FileHandle(forWritingTo: $0) } ?? FileHandle.nullDevice
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        try process.run()
    }

    /// Sends `number` (e.g. `SIGINT`) to the process.
    public func signal(_ number: Int32) {
        if process.processIdentifier > 0 { kill(process.processIdentifier, number) }
    }

    /// Runs a program to completion; throws when it exits non-zero.
    public static func run(_ executable: String, _ arguments: [String]) async throws {
        let child = try ChildProcess(executable, arguments)
        let status = await child.waitForExit()
        guard status == 0 else {
            throw ChildProcessError(
                description: "\(executable) \(arguments.joined(separator: " ")) exited with status \(status)"
            )
        }
    }

    /// The next line of standard output (without its newline); throws at end of output.
    public func readLine() async throws -> String {
        let handle = output.fileHandleForReading
        let line: String? = await withCheckedContinuation { continuation in
            Thread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first else {
                        return continuation.resume(
                            returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
                        )
                    }
                    if byte == UInt8(ascii: "\n") {
                        return continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
                    }
                    bytes.append(byte)
                }
            }.start()
        }
        guard let line else {
            throw ChildProcessError(
                description: "\(process.executableURL?.path ?? "process") closed its output before printing a line"
            )
        }
        return line
    }

    /// Waits for the process to exit and returns its status, on a helper thread.
    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread { [process] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
    }

    /// Kills the process (SIGKILL: children of a test runner may inherit a mask that blocks SIGTERM) and
    /// closes its standard input.
    public func stop() {
        if process.processIdentifier > 0 { kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
    }
}
