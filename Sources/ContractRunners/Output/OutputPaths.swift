import Foundation
import HTTPTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files and folders a run will write, checked before it sends or serves anything, so that no work is lost
/// to a path that turns out to be unwritable at the end.
///
/// ```swift
/// try OutputPaths().file("--json", options.json).file("--junit", options.junit).check()
/// ```
///
/// A file path `-` means standard output. Two outputs to one place (the same file, or standard output twice)
/// are bad usage.
package struct OutputPaths: Sendable {
    /// What is written at a path.
    package enum Kind: Sendable {
        /// A file, written atomically (a temporary file in its folder, renamed into place).
        case file
        /// A folder that receives files; created (with its parents) when missing.
        case folder
    }

    /// One output: the flag that named it, the path as given, and what is written there.
    package struct Output: Sendable {
        package let flag: String
        package let path: String
        package let kind: Kind
    }

    /// The path that means standard output.
    package static let standardOutput = "-"

    /// The outputs, in the order given.
    package private(set) var outputs: [Output] = []

    /// No outputs yet.
    package init() {}

    /// Adds the file `path` named by `flag` (nothing when `path` is nil).
    package func file(_ flag: String, _ path: String?) -> OutputPaths {
        adding(flag, path, .file)
    }

    /// Adds the folder `path` named by `flag` (nothing when `path` is nil).
    package func folder(_ flag: String, _ path: String?) -> OutputPaths {
        adding(flag, path, .folder)
    }

    /// Whether any file output is standard output (then the text report goes to standard error).
    package var usesStandardOutput: Bool { outputs.contains { $0.path == Self.standardOutput } }

    /// Checks every output: no two to one place, each file's folder exists and can be written in, each folder is
    /// (or can be created as) a writable folder.
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) naming the flag, the path and what to do.
    package func check() throws(RunnerError) {
        var seen: [String: Output] = [:]
        for output in outputs {
            let key = output.path == Self.standardOutput ? Self.standardOutput : Self.canonical(output.path)
            if let earlier = seen[key] {
                let place = key == Self.standardOutput ? "standard output" : output.path
                throw RunnerError(
                    "\(earlier.flag) and \(output.flag) both write to \(place); give each its own path",
                    status: .badInput
                )
            }
            seen[key] = output
            switch output.kind {
            case .file: try checkFile(output)
            case .folder: try checkFolder(output)
            }
        }
    }

    /// Refuses a file output that is one of the run's `inputs` (`verify rec --json rec/a.json`): writing there
    /// would overwrite a recording. `what` says what the inputs are (`one of the cassettes to
    /// verify`). Call it once the inputs are known, before any work.
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) naming the flag and the path.
    package func refuse(overwriting inputs: [URL], _ what: String) throws(RunnerError) {
        let files = outputs.filter { $0.kind == .file && $0.path != Self.standardOutput }
        guard !files.isEmpty else { return }
        let taken = Set(inputs.map { Self.canonical($0.path) })
        for output in files where taken.contains(Self.canonical(output.path)) {
            throw RunnerError(
                "\(output.flag) \(output.path): is \(what); writing \(output.flag) there would overwrite it, so give another path",
                status: .badInput
            )
        }
    }

    private func adding(_ flag: String, _ path: String?, _ kind: Kind) -> OutputPaths {
        guard let path else { return self }
        var copy = self
        copy.outputs.append(Output(flag: flag, path: path, kind: kind))
        return copy
    }

    private func checkFile(_ output: Output) throws(RunnerError) {
        let path = output.path
        guard path != Self.standardOutput else { return }
        guard !path.isEmpty else {
            throw RunnerError("\(output.flag) needs a file path (or - for standard output)", status: .badInput)
        }
        if Self.isFolder(path) {
            throw RunnerError("\(output.flag) \(path): is a folder; give a file path", status: .badInput)
        }
        let parent = Self.folder(of: path)
        guard FileManager.default.fileExists(atPath: parent) else {
            throw RunnerError(
                "\(output.flag) \(path): the folder \(parent) does not exist; create it or choose another path",
                status: .badInput
            )
        }
        guard Self.isFolder(parent) else {
            throw RunnerError(
                "\(output.flag) \(path): \(parent) is not a folder; choose another path",
                status: .badInput
            )
        }
        if let problem = Self.probeWrite(in: parent) {
            throw RunnerError(
                "\(output.flag) \(path): cannot write in \(parent) (\(problem)); choose a writable path",
                status: .badInput
            )
        }
    }

    private func checkFolder(_ output: Output) throws(RunnerError) {
        let path = output.path
        guard path != Self.standardOutput, !path.isEmpty else {
            throw RunnerError("\(output.flag) needs a folder path", status: .badInput)
        }
        // The nearest part of the path that exists, as the user wrote it (`out` for `out/new/deeper`).
        var existing = path
        while !FileManager.default.fileExists(atPath: existing), existing != "/", existing != "." {
            existing = Self.folder(of: existing)
        }
        guard Self.isFolder(existing) else {
            let what = existing == path ? "is a file" : "\(existing) is a file"
            throw RunnerError("\(output.flag) \(path): \(what), not a folder; choose a folder path", status: .badInput)
        }
        if let problem = Self.probeWrite(in: existing) {
            throw RunnerError(
                "\(output.flag) \(path): cannot write in \(existing) (\(problem)); choose a writable folder",
                status: .badInput
            )
        }
    }

    /// The folder `path` is in, as the user wrote it: `no/such` for `no/such/r.json`, `.` for `r.json`.
    static func folder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Creates and removes a probe file in `folder`: the one check that sees permissions, read-only mounts and
    /// full quotas alike. Returns the reason when it cannot, `nil` when it can.
    static func probeWrite(in folder: String) -> String? {
        let probe = URL(fileURLWithPath: folder)
            .appendingPathComponent(".ssm-contract-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return SystemErrorText.reason(errno: errno) }
        close(fd)
        unlink(probe)
        return nil
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The absolute path with `.`/`..` removed and the folder's symbolic links resolved, so two spellings of one
    /// file compare equal.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent)
            .path
    }
}
