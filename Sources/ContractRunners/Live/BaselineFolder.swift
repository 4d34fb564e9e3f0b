import Cassettes
import Foundation
import HTTPTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a baseline folder with fresh cassettes without ever leaving it half written.
///
/// 1. A staging folder `.<name>.new-<pid>` is made beside the baseline: a copy of the baseline's cassettes, then
///    the fresh cassettes written over it (each with `AtomicFile.write`, flushed), so scenarios not run this time
///    keep their baseline cassette.
/// 2. On Linux the staging folder and the baseline are swapped in one `renameat2(RENAME_EXCHANGE)`, so the
///    baseline path always holds the old folder or the new one, also when the process is killed (`kill -9`)
///    at any point; the old folder, now under the staging name, is then removed. Where the exchange is not
///    available (another OS, a file system without it) the baseline is renamed to `<name>.previous`, the staging
///    folder to the baseline (`.previous` is renamed back if that fails), and `.previous` removed.
/// 3. Staging folders left by writers that no longer run (killed before they finished) are removed by the next
///    replacement.
///
/// Every step is a rename within one parent folder, so a reader sees the old folder or the new, never a mix.
package enum BaselineFolder {
    /// Replaces `baseline` with its cassettes updated from `fresh`; returns the file names written. Messages name
    /// the baseline `name` (as the user gave it), or its path.
    ///
    /// - Throws: ``RunnerError`` (bad input) naming the step that failed; the baseline is then unchanged (or
    ///   restored from `<name>.previous`).
    @discardableResult
    package static func replace(
        _ baseline: URL,
        named name: String? = nil,
        with fresh: [URL]
    ) throws(RunnerError) -> [String] {
        let manager = FileManager.default
        let parent = baseline.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(baseline.lastPathComponent).new-\(getpid())")
        let previous = parent.appendingPathComponent(baseline.lastPathComponent + ".previous")
        func fail(_ what: String, _ error: any Error) -> RunnerError {
            RunnerError(
                "cannot update the baseline \(name ?? baseline.path): \(what) failed (\(SystemErrorText.reason(error))); the baseline is unchanged",
                status: .badInput
            )
        }
        removeStaleStaging(of: baseline)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let existing = (try? manager.contentsOfDirectory(atPath: baseline.path)) ?? []
            for name in existing.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                try AtomicFile.write(
                    try Data(contentsOf: baseline.appendingPathComponent(name)),
                    to: staging.appendingPathComponent(name)
                )
            }
            for file in fresh {
                try AtomicFile.write(
                    try Data(contentsOf: file),
                    to: staging.appendingPathComponent(file.lastPathComponent)
                )
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw fail("writing \(staging.lastPathComponent)", error)
        }
        let hadBaseline = manager.fileExists(atPath: baseline.path)
        if hadBaseline, exchange(staging, baseline) {
            try? manager.removeItem(at: staging)  // the old baseline, now under the staging name
            return fresh.map(\.lastPathComponent)
        }
        if hadBaseline {
            do {
                if manager.fileExists(atPath: previous.path) { try manager.removeItem(at: previous) }
                try renameAtomically(baseline, to: previous)
            } catch {
                try? manager.removeItem(at: staging)
                throw fail("moving the old baseline to \(previous.lastPathComponent)", error)
            }
        }
        do {
            try renameAtomically(staging, to: baseline)
        } catch {
            if hadBaseline { try? renameAtomically(previous, to: baseline) }
            try? manager.removeItem(at: staging)
            throw fail("renaming \(staging.lastPathComponent) to \(baseline.lastPathComponent)", error)
        }
        if hadBaseline { try? manager.removeItem(at: previous) }
        return fresh.map(\.lastPathComponent)
    }

    /// Removes `.<name>.new-<pid>` staging folders of `baseline` whose process no longer runs.
    static func removeStaleStaging(of baseline: URL) {
        let parent = baseline.deletingLastPathComponent()
        let prefix = ".\(baseline.lastPathComponent).new-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`); false when the system or the file system
    /// cannot (nothing changed then).
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc has renameat2 since 2.28, but its header does not reach Swift's Glibc module: look it up.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// `rename(2)`: atomic within one file system.
    static func renameAtomically(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw NSError(
                domain: NSPOSIXErrorDomain,
                code: Int(errno),
                userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]
            )
        }
    }
}
