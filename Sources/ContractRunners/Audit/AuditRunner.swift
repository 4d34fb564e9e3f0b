import Foundation
import RawJSON

/// `ssm-contract audit PATH…`: scans cassettes and reports (files, or folders searched for `*.json`, `*.har`
/// and `*.xml`) for credentials, signatures, session tokens and, unless the file says they are pseudonyms,
/// account ids — as written, percent-encoded, base64 or JSON-escaped.
public enum AuditRunner: Runner {
    /// The options of an audit.
    public struct Options: Sendable {
        /// Cassette or report files, or folders of them.
        public var paths: [String]

        /// Options auditing `paths`.
        public init(paths: [String] = []) { self.paths = paths }
    }

    /// What a run found and how it ends.
    public struct Outcome: RunnerOutcome {
        /// The text to print on standard output.
        public let text: String
        /// 0 clean, 1 something found.
        public let exitStatus: ExitStatus
        /// Everything found, file by file.
        public let findings: [AuditFinding]
        /// The files read.
        public let files: Int
    }

    /// The file name endings scanned inside folders.
    public static let scannedExtensions: Set<String> = ["json", "har", "xml"]

    /// Runs the audit.
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) for a path that does not exist, a file that cannot be read, or a
    ///   `.json`/`.har` file that is not valid JSON; no path at all is bad usage.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let paths = options.paths
        guard !paths.isEmpty else {
            throw RunnerError(
                "audit needs cassette or report files or folders, e.g. `ssm-contract audit Recordings`",
                status: .badInput
            )
        }
        let files = try self.files(paths)
        guard !files.isEmpty else {
            throw RunnerError(
                "nothing was audited: \(paths.joined(separator: ", ")) holds no *.json, *.har or *.xml files",
                status: .badInput
            )
        }
        var findings: [AuditFinding] = []
        for file in files { findings += try scan(file) }
        let noun = files.count == 1 ? "file" : "files"
        var lines = findings.map(\.line)
        if findings.isEmpty {
            lines.append(
                "audit: \(files.count) \(noun), no credentials, signatures, session tokens or account ids found"
            )
        } else {
            let affected = Set(findings.map(\.file)).count
            lines.append(
                "audit: \(findings.count) \(findings.count == 1 ? "secret" : "secrets") in \(affected) of \(files.count) \(noun); remove them before sharing these files (re-record: `ssm-contract record` redacts them)"
            )
        }
        return Outcome(
            text: lines.joined(separator: "\n") + "\n",
            exitStatus: findings.isEmpty ? .success : .violation,
            findings: findings,
            files: files.count
        )
    }

    /// Scans one file.
    static func scan(_ path: String) throws(RunnerError) -> [AuditFinding] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunnerError("\(path): cannot be read; check the path and its permissions", status: .badInput)
        }
        let text = String(decoding: data, as: UTF8.self)
        let isJSON = ["json", "har"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
        guard isJSON else {
            var scanner = SecretScanner(file: path, fileText: text, accountIDsArePseudonyms: false)
            scanner.scanText(text)
            return scanner.findings
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw RunnerError(
                "\(path): is not valid JSON (\(error)); audit reads cassettes and JSON reports",
                status: .badInput
            )
        }
        let kinds = root["pseudonymisation"]?["kinds"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var scanner = SecretScanner(file: path, fileText: text, accountIDsArePseudonyms: kinds.contains("account-id"))
        scanner.scanDocument(root)
        return scanner.findings
    }

    /// The files under `paths`, as given (relative stays relative), folders searched in sorted order.
    static func files(_ paths: [String]) throws(RunnerError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw RunnerError(
                    "\(path): no such file or folder; give cassette or report files or folders",
                    status: .badInput
                )
            }
            guard isFolder.boolValue else {
                result.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let file = (path as NSString).appendingPathComponent(relative)
                guard !name.hasPrefix("."), scannedExtensions.contains((name as NSString).pathExtension.lowercased()),
                    CassetteSearch.isFileToRead(file)  // a folder or a pipe so named is not a file to scan
                else { continue }
                found.append(file)
            }
            result += found.sorted()
        }
        return result
    }
}
