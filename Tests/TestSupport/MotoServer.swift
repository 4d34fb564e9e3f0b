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

    /// The one launcher of moto, shared with `make record-moto` and `make live-moto`: binds 127.0.0.1:0, prints
    /// `PORT VERSION`, serves until standard input closes.
    static let launcher = PackageRoot.path("Scripts/moto_server.py")

    /// Starts moto, runs `body`, and stops moto (also when `body` throws).
    ///
    /// - Throws: ``StartError`` with ``PythonTools/missingMessage`` when the venv is missing, or when moto does
    ///   not print its port; anything `body` throws.
    public static func withMotoServer<T>(_ body: (MotoServer) async throws -> T) async throws -> T {
        guard PythonTools.isInstalled else { throw StartError(description: PythonTools.missingMessage) }
        let child = try ChildProcess(PythonTools.program("python").path, ["-u", launcher.path])
        defer { child.stop() }
        let line = try await child.readLine()
        let fields = line.split(separator: " ")
        guard fields.count == 2, let port = Int(fields[0]) else {
            throw StartError(description: "moto did not start: it printed \"\(line)\" instead of its port and version")
        }
        return try await body(
            MotoServer(endpointURL: "http://127.0.0.1:\(port)", port: port, version: String(fields[1]))
        )
    }
}
