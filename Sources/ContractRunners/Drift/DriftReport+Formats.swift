import ContractEngine
import RawJSON

extension DriftReport {
    /// The report's drift section: a heading with the baseline's date, one line per difference (`DRIFT`) and note
    /// (`note`), the model line, and a summary line.
    public var text: String {
        guard baselineExists else {
            return
                "Drift: no baseline: \(baseline) does not exist; run with --update-baseline to create it\n  \(model.line)\n"
                + (modelItems.isEmpty ? "" : modelItems.map { "  DRIFT \($0)\n" }.joined())
        }
        var out =
            "Drift since \(baselineRecordedAt ?? "(no baseline cassette compared)") (baseline \(baseline), "
            + "\(comparedFiles.count) cassette\(comparedFiles.count == 1 ? "" : "s") compared)\n"
        for note in notes { out += "  note  \(note)\n" }
        for item in items { out += "  \(item.isNote ? "note " : "DRIFT") \(item)\n" }
        out += "  \(model.line)\n"
        for item in modelItems { out += "  DRIFT \(item)\n" }
        let count = drift.count
        out +=
            count == 0
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

    /// A JUnit suite: one test case per compared cassette and operation, failing with its drift lines, and one
    /// for the model (skipped when it was not checked).
    public func junitSuite(name suite: String) -> JUnitReport.Suite {
        func key(_ item: DriftItem) -> String { [item.file, item.operation].compactMap { $0 }.joined(separator: " ") }
        var keys: [String] = []
        for item in items where !keys.contains(key(item)) { keys.append(key(item)) }
        for file in comparedFiles where !keys.contains(where: { $0.hasPrefix(file + " ") }) { keys.append(file) }
        var cases = keys.map { name -> JUnitReport.TestCase in
            let lines = items.filter { key($0) == name }
            let drifted = lines.filter { !$0.isNote }
            let outcome: JUnitReport.Outcome =
                !drifted.isEmpty
                ? .failed(
                    type: "drift",
                    message: Plural.count(drifted.count, "difference"),
                    details: drifted.map(\.description).joined(separator: "\n")
                )
                : .passed(output: lines.isEmpty ? nil : lines.map(\.description).joined(separator: "\n"))
            return JUnitReport.TestCase(classname: suite, name: name, outcome: outcome)
        }
        let model: JUnitReport.Outcome
        switch self.model {
        case .compared:
            model =
                modelItems.isEmpty
                ? .passed()
                : .failed(
                    type: "drift",
                    message: Plural.count(modelItems.count, "model difference"),
                    details: modelItems.map(\.description).joined(separator: "\n")
                )
        case .skipped(let reason):
            model = .skipped(message: reason)
        }
        cases.append(JUnitReport.TestCase(classname: suite, name: "model", outcome: model))
        return JUnitReport.Suite(name: suite, cases: cases)
    }
}
