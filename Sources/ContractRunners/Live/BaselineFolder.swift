import Cassettes
import Foundation

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
/// 2. The baseline is renamed to `<name>.previous` (an older `.previous` is removed first).
/// 3. The staging folder is renamed to the baseline. If that fails, `.previous` is renamed back.
/// 4. Only then is `<name>.previous` removed.
///
/// Every step is a `rename(2)` within one parent folder, so a reader sees the old folder, or (briefly, between
/// steps 2 and 3) `<name>.previous`, or the new folder — never a mix.
public enum BaselineFolder {
    /// Replaces `baseline` with its cassettes updated from `fresh`; returns the file names written.
    ///
    /// - Throws: ``RunnerError`` (bad input) naming the step that failed; the baseline is then unchanged (or
    ///   restored from `<name>.previous`).
    @discardableResult
    public static func replace(_ baseline: URL, with fresh: [URL]) throws(RunnerError) -> [String] {
        let manager = FileManager.default
        let parent = baseline.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(baseline.lastPathComponent).new-\(getpid())")
        let previous = parent.appendingPathComponent(baseline.lastPathComponent + ".previous")
        func fail(_ what: String, _ error: any Error) -> RunnerError {
            RunnerError("cannot update the baseline \(baseline.path): \(what) failed (\(error.localizedDescription)); the baseline is unchanged", status: .badInput)
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let existing = (try? manager.contentsOfDirectory(atPath: baseline.path)) ?? []
            for name in existing.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                try AtomicFile.write(try Data(contentsOf: baseline.appendingPathComponent(name)), to: staging.appendingPathComponent(name))
            }
            for file in fresh {
                try AtomicFile.write(try Data(contentsOf: file), to: staging.appendingPathComponent(file.lastPathComponent))
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw fail("writing \(staging.lastPathComponent)", error)
        }
        let hadBaseline = manager.fileExists(atPath: baseline.path)
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

    /// `rename(2)`: atomic within one file system.
    static func renameAtomically(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    }
}
