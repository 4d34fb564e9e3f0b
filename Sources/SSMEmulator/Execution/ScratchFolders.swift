import Foundation
import HTTPTransport

/// The emulator's own temporary folder: one working directory per instance (`instances/<id>`, where scripts run
/// unless they ask for a `workingDirectory`) and one folder per invocation (`orchestration/<command>/<instance>`,
/// holding `_script.sh`, `stdout` and `stderr`, as the agent's orchestration folder does). Removed at stop.
struct ScratchFolders: Sendable {
    /// The script and output files of one invocation.
    struct RunFiles: Sendable {
        let script: String
        let stdout: String
        let stderr: String
    }

    let root: URL
    let region: String

    /// Creates the folder and every instance's working directory.
    ///
    /// - Throws: ``EmulatorError`` (scratch) naming the folder.
    init(instanceIDs: [String], region: String) throws(EmulatorError) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ssm-emulator-\(UUID().uuidString.lowercased())"
        )
        self.region = region
        do {
            for id in instanceIDs {
                try FileManager.default.createDirectory(
                    at: Self.instanceFolder(root, id),
                    withIntermediateDirectories: true
                )
            }
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("orchestration"),
                withIntermediateDirectories: true
            )
        } catch {
            throw EmulatorError(
                "cannot create the emulator's scratch folder \(root.path): \(SystemErrorText.reason(error)); set TMPDIR to a writable folder",
                kind: .scratch
            )
        }
    }

    static func instanceFolder(_ root: URL, _ id: String) -> URL {
        root.appendingPathComponent("instances").appendingPathComponent(id)
    }

    /// The folder a script runs in: an absolute `workingDirectory` as given; a relative one inside the instance's
    /// folder when it exists there; otherwise the instance's folder (the agent falls back to its default the same way).
    func workingDirectory(_ instanceID: String, requested: String?) -> String {
        let home = Self.instanceFolder(root, instanceID)
        guard let requested else { return home.path }
        if requested.hasPrefix("/") { return requested }
        let inside = home.appendingPathComponent(requested)
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: inside.path, isDirectory: &isFolder) && isFolder.boolValue
            ? inside.path : home.path
    }

    /// Writes the invocation's script and creates its empty output files.
    func prepare(_ key: InvocationKey, script: String) throws -> RunFiles {
        let folder = root.appendingPathComponent("orchestration").appendingPathComponent(key.commandID)
            .appendingPathComponent(key.instanceID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = RunFiles(
            script: folder.appendingPathComponent("_script.sh").path,
            stdout: folder.appendingPathComponent("stdout").path,
            stderr: folder.appendingPathComponent("stderr").path
        )
        try Data(script.utf8).write(to: URL(fileURLWithPath: files.script))
        _ = FileManager.default.createFile(atPath: files.stdout, contents: nil)
        _ = FileManager.default.createFile(atPath: files.stderr, contents: nil)
        return files
    }

    /// Up to `limit` bytes from the start of a file (the agent reads its output files through a limit too).
    static func read(_ path: String, limit: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: limit)) ?? Data())
    }

    /// Removes everything.
    func remove() { try? FileManager.default.removeItem(at: root) }
}
