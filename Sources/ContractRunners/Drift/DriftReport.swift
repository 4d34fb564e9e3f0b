import Cassettes
import Foundation

/// What changed since the baseline recordings: response shapes per scenario and operation (``ResponseShape``),
/// and the SSM shape model against the installed botocore (``ModelDriftRunner``).
public struct DriftReport: Sendable {
    /// The result of the model comparison.
    public enum ModelCheck: Sendable {
        /// The committed model was compared with a botocore service file.
        case compared(ModelDriftRunner.Outcome)
        /// The comparison did not run, and why (no venv with botocore, an unreadable file).
        case skipped(String)
    }

    /// The baseline folder as given.
    public let baseline: String
    /// Whether the baseline folder exists (without it nothing is compared).
    public let baselineExists: Bool
    /// The oldest `recordedAt` of the baseline cassettes compared.
    public let baselineRecordedAt: String?
    /// The cassette file names compared with a baseline cassette.
    public let comparedFiles: [String]
    /// Every response-shape difference, drift and notes, in file and operation order.
    public let items: [DriftItem]
    /// Lines about what could not be compared (a scenario with no baseline cassette, a mock version change).
    public let notes: [String]
    /// The model comparison.
    public let model: ModelCheck

    /// The differences that count as drift: response shapes (without notes) and the model.
    public var drift: [DriftItem] { items.filter { !$0.isNote } + modelItems }

    /// Whether anything drifted.
    public var hasDrift: Bool { !drift.isEmpty }

    /// The model differences as items.
    public var modelItems: [DriftItem] {
        guard case .compared(let report) = model else { return [] }
        return report.differences.map {
            DriftItem(
                file: nil,
                operation: nil,
                aspect: .model,
                path: $0.location,
                old: $0.kind.rawValue,
                new: $0.detail
            )
        }
    }

    /// Compares the fresh cassettes with the cassettes of the same name in `baseline`, and runs `model`.
    ///
    /// - Throws: ``RunnerError`` (bad input) for an unreadable cassette, or a baseline recorded from another kind of
    ///   source (live vs a mock): comparing them would report the mock's differences as AWS drift.
    public static func compare(
        fresh: [URL],
        baseline: URL,
        baselineName: String,
        model: ModelCheck
    ) throws(RunnerError) -> DriftReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: baseline.path, isDirectory: &isFolder), isFolder.boolValue else {
            return DriftReport(
                baseline: baselineName,
                baselineExists: false,
                baselineRecordedAt: nil,
                comparedFiles: [],
                items: [],
                notes: [],
                model: model
            )
        }
        var items: [DriftItem] = []
        var notes: [String] = []
        var compared: [String] = []
        var recordedAt: [String] = []
        for url in fresh {
            let name = url.lastPathComponent
            let old = baseline.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: old.path) else {
                notes.append(
                    "\(name): no baseline cassette \(baselineName)/\(name) to compare with (it is added by --update-baseline)"
                )
                continue
            }
            let (before, now) = (try load(old), try load(url))
            if let note = try sourceNote(
                baseline: before.header.source,
                fresh: now.header.source,
                file: "\(baselineName)/\(name)"
            ) {
                notes.append("\(name): \(note)")
            }
            compared.append(name)
            recordedAt.append(before.header.recordedAt)
            items += differences(
                baseline: ResponseShape.byOperation(before),
                fresh: ResponseShape.byOperation(now),
                file: name
            )
        }
        return DriftReport(
            baseline: baselineName,
            baselineExists: true,
            baselineRecordedAt: recordedAt.min(),
            comparedFiles: compared,
            items: items,
            notes: notes,
            model: model
        )
    }

    static func differences(
        baseline: [(operation: String, shape: ResponseShape)],
        fresh: [(operation: String, shape: ResponseShape)],
        file: String
    ) -> [DriftItem] {
        let freshByOperation = Dictionary(
            fresh.map { ($0.operation, $0.shape) },
            uniquingKeysWith: { first, _ in first }
        )
        let baselineOperations = Set(baseline.map(\.operation))
        var items: [DriftItem] = []
        for (operation, old) in baseline {
            guard let new = freshByOperation[operation] else {
                items.append(
                    DriftItem(
                        file: file,
                        operation: operation,
                        aspect: .operation,
                        path: nil,
                        old: Plural.count(old.responses, "response"),
                        new: "not called"
                    )
                )
                continue
            }
            items += new.differences(from: old, file: file, operation: operation)
        }
        for (operation, new) in fresh where !baselineOperations.contains(operation) {
            items.append(
                DriftItem(
                    file: file,
                    operation: operation,
                    aspect: .operation,
                    path: nil,
                    old: "not called",
                    new: Plural.count(new.responses, "response")
                )
            )
        }
        return items
    }

    static func load(_ url: URL) throws(RunnerError) -> Cassette {
        do { return try Cassette.load(from: url) } catch { throw RunnerError(error.description, status: .badInput) }
    }

    /// `nil` when both sides come from the same source; a note for another version of the same mock.
    static func sourceNote(baseline: CassetteSource, fresh: CassetteSource, file: String) throws(RunnerError) -> String?
    {
        switch (baseline, fresh) {
        case (.live, .live): return nil
        case (.mock(let oldName, let oldVersion), .mock(let newName, let newVersion)) where oldName == newName:
            return oldVersion == newVersion ? nil : "baseline recorded from \(baseline), this run from \(fresh)"
        default:
            throw RunnerError(
                "\(file) was recorded from \(baseline), this run from \(fresh): drift is only measured against recordings of the same source; choose another --baseline",
                status: .badInput
            )
        }
    }
}
