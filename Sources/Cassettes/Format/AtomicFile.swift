import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }

/// Writes files so that readers see either the old contents or the new, never a mix.
///
/// The temporary file is `.<name>.tmp-<pid>-<random>` in the destination's folder. A process killed while
/// writing leaves that file behind (never a damaged destination); the next write to the same destination
/// removes such leftovers whose process id no longer runs — they provably belong to a dead writer.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, flushes it to disk, renames it over `url`, and flushes
    /// the folder so the rename itself survives a crash. (With ``writeGateVariable`` set, a test stops it at each
    /// ``Checkpoint``.)
    public static func write(_ data: Data, to url: URL) throws {
        try write(data, to: url, checkpoint: checkpointFromEnvironment(for: url) ?? { _ in })
    }

    /// Points inside ``write(_:to:)`` where the kill tests stop a writer to kill it.
    package enum Checkpoint: String, Sendable, CaseIterable {
        /// Half of the bytes are in the temporary file.
        case partlyWritten = "partly-written"
        /// The temporary file is complete and flushed; the rename has not happened.
        case flushed
    }

    /// ``write(_:to:)``, calling `checkpoint` at each ``Checkpoint`` (for the kill test only).
    package static func write(_ data: Data, to url: URL, checkpoint: (Checkpoint) -> Void) throws {
        removeStaleTemporaries(for: url)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            "\(temporaryPrefix(for: url))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        )
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: POSIXError?
        data.withUnsafeBytes { raw in
            var offset = 0
            var reportedHalf = false
            while offset < raw.count {
                if !reportedHalf, offset >= raw.count / 2 {
                    reportedHalf = true
                    checkpoint(.partlyWritten)
                }
                let chunk = reportedHalf ? raw.count - offset : raw.count / 2 - offset
                let n = systemWrite(fd, raw.baseAddress! + offset, max(chunk, 1))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        close(fd)
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        checkpoint(.flushed)
        guard rename(temporary.path, url.path) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            unlink(temporary.path)
            throw error
        }
        let directoryFD = open(directory.path, O_RDONLY)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// The name prefix of temporary files written for `url`.
    public static func temporaryPrefix(for url: URL) -> String { ".\(url.lastPathComponent).tmp-" }

    /// Removes temporary files for `url` left by writers that no longer run (their pid is not alive).
    /// Files of live processes, and anything not named like our temporaries, are left alone.
    /// - Returns: the names removed.
    @discardableResult
    public static func removeStaleTemporaries(for url: URL) -> [String] {
        let directory = url.deletingLastPathComponent()
        let prefix = temporaryPrefix(for: url)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), UInt32(parts[1]) != nil, pid > 0 else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(directory.appendingPathComponent(name).path) == 0 { removed.append(name) }
        }
        return removed
    }
}
