import Foundation

/// The `format` names of the JSON reports ssm-contract writes. Every report begins with them,
/// `{"format": "ssm-contract.verify-report", "version": 1, …}`, so a report kept beside the cassettes it judged is
/// never taken for one: a folder search skips it and says so, and a report given as a cassette is refused as a
/// report.
///
/// ```swift
/// if let format = ReportFormat.declared(byFileAt: "Recordings/report.json") { print("skipped: \(format)") }
/// ```
public enum ReportFormat {
    /// `verify --json` and `check --json`: the verification report.
    public static let verify = "ssm-contract.verify-report"
    /// `live --json`: the contract report, the drift and the run's result.
    public static let live = "ssm-contract.live-report"
    /// `serve --report` and `proxy --report`: what the server answered.
    public static let serve = "ssm-contract.serve-report"
    /// `check-cli --json`: the skeleton checks of an AWS CLI.
    public static let checkCLI = "ssm-contract.check-cli-report"

    /// Every report format.
    public static let all: Set<String> = [verify, live, serve, checkCLI]

    /// The report format the file at `path` declares in its first member (`{"format": "ssm-contract.…-report"`,
    /// as every report is written), or `nil` when the file begins any other way: a cassette, a response body, a
    /// file that cannot be read. Reads the first few hundred bytes only.
    public static func declared(byFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 256) else { return nil }
        return declared(byStart: Array(head))
    }

    /// The report format `bytes` (the start of a JSON document) declares in its first member, or `nil`.
    static func declared(byStart bytes: [UInt8]) -> String? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a UTF-8 byte order mark
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func take(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard bytes[index...].starts(with: expected) else { return false }
            index += expected.count
            return true
        }
        skipSpace()
        guard take("{") else { return nil }
        skipSpace()
        guard take("\"format\"") else { return nil }
        skipSpace()
        guard take(":") else { return nil }
        skipSpace()
        guard take("\"") else { return nil }
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let name = String(decoding: bytes[index..<end], as: UTF8.self)
        return all.contains(name) ? name : nil
    }

    /// `, 1 report file skipped: rec/report.json` (empty for none): how a job's first line names the reports
    /// its folder search left out.
    public static func skippedPhrase(_ files: [String]) -> String {
        guard !files.isEmpty else { return "" }
        let count = files.count == 1 ? "1 report file" : "\(files.count) report files"
        return ", \(count) skipped: \(files.joined(separator: ", "))"
    }

    /// The error for the report `file` (of `format`) given where a cassette belongs.
    public static func notACassette(file: String, format: String) -> CassetteError {
        CassetteError(
            file: file,
            problem: "is an ssm-contract report (\"format\": \"\(format)\"), not a cassette",
            remedy: "give cassette files or folders (reports found in a folder are skipped)"
        )
    }
}
