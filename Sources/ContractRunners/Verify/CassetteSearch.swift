import Cassettes
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cassettes `verify`, `serve` and `proxy --replay` read: files as given, and folders searched recursively
/// for `*.json` (hidden files and folders left out, each folder's files sorted). A file reached twice (named
/// twice, or named and inside a folder given too) is read once, where it is first reached, so nothing is counted
/// or served twice. In a folder only regular files (or links to them) are cassettes: a folder named `*.json` is
/// searched like any other, and a named pipe or device is never opened (reading one would wait forever).
///
/// A file found in a folder that is one of ssm-contract's own reports (``ReportFormat``: `verify --json
/// rec/report.json` writes one beside the recordings) is skipped and listed in ``skippedReports``, which the
/// job names in its first line; a report given as a file is refused when it is read, as a report.
package struct CassetteSearch: Sendable {
    /// The cassette files, in order.
    package let files: [URL]
    /// The reports found in the folders and left out, in order.
    package let skippedReports: [URL]

    /// Searches `paths`; a path that does not exist is bad input (exit 2).
    package static func find(_ paths: [String]) throws(RunnerError) -> CassetteSearch {
        var files: [URL] = []
        var reports: [URL] = []
        var seen: Set<String> = []
        func add(_ file: URL) {
            guard seen.insert(OutputPaths.canonical(file.path)).inserted else { return }
            files.append(file)
        }
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw RunnerError(
                    "\(path): no such file or folder; give cassette files or folders (default Recordings)",
                    status: .badInput
                )
            }
            guard isFolder.boolValue else {
                add(URL(fileURLWithPath: path))
                continue
            }
            // Each file as the folder was given plus its place inside it, so reports show paths as given.
            let enumerator = manager.enumerator(atPath: path)
            var found: [URL] = []
            while let subpath = enumerator?.nextObject() as? String {
                let name = (subpath as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator?.skipDescendants()
                    continue
                }
                let file = (path as NSString).appendingPathComponent(subpath)
                if subpath.hasSuffix(".json"), isFileToRead(file) { found.append(URL(fileURLWithPath: file)) }
            }
            for file in found.sorted(by: { $0.relativePath < $1.relativePath }) {
                if ReportFormat.declared(byFileAt: file.path) != nil {
                    reports.append(file)
                } else {
                    add(file)
                }
            }
        }
        return CassetteSearch(files: files, skippedReports: reports)
    }

    /// Whether a `*.json` found in a folder is read: a regular file (links followed), or a path that cannot be
    /// examined (a dangling link, say), which reading then reports by name.
    static func isFileToRead(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return true }
        return status.st_mode & S_IFMT == S_IFREG
    }

    /// `, 1 report file skipped: rec/report.json` for a job's first line (empty when none was).
    package var skippedPhrase: String { ReportFormat.skippedPhrase(skippedReports.map(\.relativePath)) }
}
