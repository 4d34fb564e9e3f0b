import Cassettes
import Foundation

/// The cassettes `verify`, `serve` and `proxy --replay` read: files as given, and folders searched recursively
/// for `*.json` (hidden files and folders left out, each folder's files sorted). A file reached twice (named
/// twice, or named and inside a folder given too) is read once, where it is first reached, so nothing is counted
/// or served twice.
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
                // A folder named `*.json` is searched like any other, never read as a cassette.
                if subpath.hasSuffix(".json"),
                    enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory
                {
                    found.append(URL(fileURLWithPath: (path as NSString).appendingPathComponent(subpath)))
                }
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

    /// `, 1 report file skipped: rec/report.json` for a job's first line (empty when none was).
    package var skippedPhrase: String { ReportFormat.skippedPhrase(skippedReports.map(\.relativePath)) }
}
