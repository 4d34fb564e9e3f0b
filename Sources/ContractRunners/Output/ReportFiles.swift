import Cassettes
import ContractEngine
import Foundation
import HTTPTransport
import RawJSON

/// Writes the report files a run asked for (`--json`, `--junit`, `--report`): every job writes through here, each
/// file atomically (a temporary file beside it, then a rename), so a failed run never leaves half a report; `-`
/// is standard output. Check the paths first (``OutputPaths``).
enum ReportFiles {
    /// The JSON and JUnit forms of a verification report (`verify`, `check`).
    static func write(_ report: VerificationReport, json: String?, junit: String?, suite: String) throws(RunnerError) {
        try write(json: report.json, to: json)
        if let junit { try write(Data(report.junit(suiteName: suite).utf8), to: junit) }
    }

    /// The pre-flight check of `--json` and `--junit`.
    static func paths(json: String?, junit: String?) -> OutputPaths {
        OutputPaths().file("--json", json).file("--junit", junit)
    }

    /// `value` as pretty JSON with a final newline, when a path is given.
    static func write(json value: @autoclosure () -> JSONValue, to path: String?) throws(RunnerError) {
        guard let path else { return }
        try write(Data((JSONWriter.string(value(), style: .pretty) + "\n").utf8), to: path)
    }

    /// `data` to `path`, atomically (`-`: standard output).
    static func write(_ data: Data, to path: String) throws(RunnerError) {
        if path == OutputPaths.standardOutput {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError(
                "\(path): cannot write the report (\(SystemErrorText.reason(error))); check that the folder exists and is writable",
                status: .badInput
            )
        }
    }
}
