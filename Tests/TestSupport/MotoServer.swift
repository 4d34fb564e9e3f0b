import Foundation

/// The real moto server from the pinned venv, on 127.0.0.1 with a free port, for the duration of a closure.
///
/// ```swift
/// try await MotoServer.withMotoServer { moto in
///     // moto.endpointURL == "http://127.0.0.1:41234", moto.version == "5.2.1"
/// }
/// ```
///
/// The server binds port 0 and prints the port it got; the helper reads that line (the socket is listening by
/// then, so there is no sleeping or polling) and always stops the server when the closure returns or throws.
public struct MotoServer: Sendable {
    /// The endpoint, e.g. `http://127.0.0.1:41234`.
    public let endpointURL: String
    /// The bound port.
    public let port: Int
    /// moto's version as installed in the venv, e.g. `5.2.1` (for cassette sources `mock:moto@5.2.1`).
    public let version: String

    /// Fixed fake credentials moto accepts (it does not check signatures).
    public static let accessKeyID = "AKIDMOTOTESTKEY00001"
    /// The fake secret that goes with ``accessKeyID``.
    public static let secretAccessKey = "moto-test-secret-not-a-real-key"
    /// The region the tests use against moto.
    public static let region = "us-east-1"

    /// A failure to start moto.
    public struct StartError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The Python program that runs moto: binds 127.0.0.1:0, prints `PORT VERSION`, serves until stdin closes.
    static let program = """
        import sys
        import moto
        from moto.server import ThreadedMotoServer
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        print(server.get_host_and_port()[1], moto.__version__, flush=True)
        sys.stdin.read()
        server.stop()
        """

    /// Starts moto, runs `body`, and stops moto.
    ///
    /// - Throws: ``StartError`` with ``PythonTools/missingMessage`` when the venv is missing, or with moto's
    ///   standard error when it does not start; anything `body` throws.
    public static func withMotoServer<T>(_ body: (MotoServer) async throws -> T) async throws -> T {
        guard PythonTools.isInstalled else { throw StartError(description: PythonTools.missingMessage) }
        let process = Process()
        process.executableURL = PythonTools.program("python")
        process.arguments = ["-u", "-c", program]
        let input = Pipe(), output = Pipe()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorLog)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errorLog)
        }
        let line = await readLine(output.fileHandleForReading)
        let fields = line.split(separator: " ")
        guard fields.count == 2, let port = Int(fields[0]) else {
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw StartError(description: "moto did not start (printed \"\(line)\"): \(log.suffix(2000))")
        }
        let server = MotoServer(endpointURL: "http://127.0.0.1:\(port)", port: port, version: String(fields[1]))
        return try await body(server)
    }

    /// Reads one line on a background thread (the pipe read blocks).
    private static func readLine(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
