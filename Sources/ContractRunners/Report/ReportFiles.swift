import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// Writes the report files a run asked for (`--json`, `--junit`, `--report`): every job writes through here, each
/// file atomically (a temporary file beside it, then a rename), so a failed run never leaves half a report.
enum ReportFiles {
    /// The JSON and JUnit forms of a verification report (`verify`, `check`).
    static func write(_ report: VerificationReport, json: String?, junit: String?, suite: String) throws(RunnerError) {
        try write(json: report.json, to: json)
        if let junit { try write(Data(report.junit(suiteName: suite).utf8), to: junit) }
    }

    /// `value` as pretty JSON with a final newline, when a path is given.
    static func write(json value: @autoclosure () -> JSONValue, to path: String?) throws(RunnerError) {
        guard let path else { return }
        try write(Data((JSONWriter.string(value(), style: .pretty) + "\n").utf8), to: path)
    }

    /// `data` to `path`, atomically.
    static func write(_ data: Data, to path: String) throws(RunnerError) {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError("\(path): cannot write the report (\(error)); check that the folder exists and is writable", status: .badInput)
        }
    }
}
