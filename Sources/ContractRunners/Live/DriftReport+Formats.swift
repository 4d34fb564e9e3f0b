import ContractEngine
import RawJSON

extension DriftReport {
    /// The report's drift section: a heading with the baseline's date, one line per difference (`DRIFT`) and note
    /// (`note`), the model line, and a summary line.
    public var text: String {
        guard baselineExists else {
            return "Drift: no baseline: \(baseline) does not exist; run with --update-baseline to create it\n  \(model.line)\n"
                + (modelItems.isEmpty ? "" : modelItems.map { "  DRIFT \($0)\n" }.joined())
        }
        var out = "Drift since \(baselineRecordedAt ?? "(no baseline cassette compared)") (baseline \(baseline), "
            + "\(comparedFiles.count) cassette\(comparedFiles.count == 1 ? "" : "s") compared)\n"
        for note in notes { out += "  note  \(note)\n" }
        for item in items { out += "  \(item.isNote ? "note " : "DRIFT") \(item)\n" }
        out += "  \(model.line)\n"
        for item in modelItems { out += "  DRIFT \(item)\n" }
        let count = drift.count
        out += count == 0
            ? "No drift: response shapes match the baseline.\n"
            : "\(count) difference\(count == 1 ? "" : "s") since the baseline.\n"
        return out
    }

    /// The drift section as JSON.
    public var json: JSONValue {
        var root = JSONObject()
        root.append(key: "baseline", value: .string(baseline))
        root.append(key: "baselineExists", value: .bool(baselineExists))
        root.append(key: "baselineRecordedAt", value: baselineRecordedAt.map { .string($0) } ?? .null)
        root.append(key: "comparedFiles", value: .array(comparedFiles.map { .string($0) }))
        root.append(key: "drift", value: .bool(hasDrift))
        root.append(key: "differences", value: .array((items + modelItems).map(Self.json)))
        root.append(key: "notes", value: .array(notes.map { .string($0) }))
        var modelObject = JSONObject()
        switch model {
        case .compared(let report):
            modelObject.append(key: "checked", value: .bool(true))
            modelObject.append(key: "botocoreFile", value: .string(report.botocoreFile))
            modelObject.append(key: "committedBotocore", value: .string(report.recordedBotocore))
            modelObject.append(key: "differences", value: .number(JSONNumber(report.differences.count)))
        case .skipped(let reason):
            modelObject.append(key: "checked", value: .bool(false))
            modelObject.append(key: "reason", value: .string(reason))
        }
        root.append(key: "model", value: .object(modelObject))
        return .object(root)
    }

    static func json(_ item: DriftItem) -> JSONValue {
        var object = JSONObject()
        object.append(key: "kind", value: .string(item.isNote ? "note" : "drift"))
        object.append(key: "file", value: item.file.map { .string($0) } ?? .null)
        object.append(key: "operation", value: item.operation.map { .string($0) } ?? .null)
        object.append(key: "aspect", value: .string(item.aspect.rawValue))
        object.append(key: "path", value: item.path.map { .string($0) } ?? .null)
        object.append(key: "old", value: .string(item.old))
        object.append(key: "new", value: .string(item.new))
        object.append(key: "line", value: .string(item.description))
        return .object(object)
    }

    /// A JUnit `<testsuite>`: one test case per compared cassette and operation, failing with its drift lines, and
    /// one for the model (skipped when it was not checked).
    public func junitSuite(name suite: String) -> String {
        var cases: [(String, String)] = []
        var failures = 0
        func key(_ item: DriftItem) -> String { [item.file, item.operation].compactMap { $0 }.joined(separator: " ") }
        var keys: [String] = []
        for item in items where !keys.contains(key(item)) { keys.append(key(item)) }
        for file in comparedFiles where !keys.contains(where: { $0.hasPrefix(file + " ") }) { keys.append(file) }
        for name in keys {
            let lines = items.filter { key($0) == name }
            let drifted = lines.filter { !$0.isNote }
            var body = ""
            if !drifted.isEmpty {
                failures += 1
                body = "<failure type=\"drift\" message=\"\(drifted.count) difference(s)\">\(VerificationReport.escape(drifted.map(\.description).joined(separator: "\n")))</failure>"
            } else if !lines.isEmpty {
                body = "<system-out>\(VerificationReport.escape(lines.map(\.description).joined(separator: "\n")))</system-out>"
            }
            cases.append((name, body))
        }
        switch model {
        case .compared:
            let body = modelItems.isEmpty ? "" : "<failure type=\"drift\" message=\"\(modelItems.count) model difference(s)\">\(VerificationReport.escape(modelItems.map(\.description).joined(separator: "\n")))</failure>"
            if !modelItems.isEmpty { failures += 1 }
            cases.append(("model", body))
        case .skipped(let reason):
            cases.append(("model", "<skipped message=\"\(VerificationReport.escape(reason))\"></skipped>"))
        }
        let testcases = cases.map { "    <testcase classname=\"\(VerificationReport.escape(suite))\" name=\"\(VerificationReport.escape($0.0))\">\($0.1)</testcase>" }
        return "  <testsuite name=\"\(VerificationReport.escape(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
            + testcases.joined(separator: "\n") + "\n  </testsuite>\n"
    }
}
