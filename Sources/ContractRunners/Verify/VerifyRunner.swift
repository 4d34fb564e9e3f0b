import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// `ssm-contract verify [PATH...]`: every contract over cassettes (files, or folders searched recursively for
/// `*.json`), with known deviations per target.
public enum VerifyRunner: Runner {
    /// The options of a verify run.
    public struct Options: Sendable {
        /// Cassette files or folders (default `Recordings`).
        public var paths: [String] = []
        /// Catalog, contract files, selection and deviations.
        public var catalog = CatalogOptions()
        /// `--json FILE`.
        public var json: String?
        /// `--junit FILE`.
        public var junit: String?
        /// `--list-contracts`: print the catalog instead of verifying.
        public var listContracts = false
        /// With `listContracts`: as a Markdown table.
        public var markdown = false
        /// The day deviations expire against (`YYYY-MM-DD`, default today in UTC).
        public var today: String?
        /// `--verbose`: list every not-applicable contract instead of one line naming them.
        public var verbose = false
        /// Whether a known deviation that does not fail is stale (fails the run). `live --scenario` sets it false:
        /// its cassettes are part of the scenario catalog the deviations were observed on.
        public var judgesStaleDeviations = true

        public init() {}
    }

    /// What a run printed and how it ends.
    public struct Outcome: RunnerOutcome {
        /// The text to print on standard output.
        public let text: String
        /// The exit status.
        public let exitStatus: ExitStatus
        /// The report (nil for `--list-contracts`).
        public let report: VerificationReport?
    }

    /// Runs `verify`.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        try ReportFiles.paths(json: options.json, junit: options.junit).check()
        let (catalog, deviations) = try options.catalog.load()
        if options.listContracts {
            let text = options.markdown ? ContractTable.markdown(catalog) : ContractTable.plain(catalog)
            return Outcome(text: text, exitStatus: .success, report: nil)
        }
        let paths = options.paths.isEmpty ? ["Recordings"] : options.paths
        let search = try CassetteSearch.find(paths)
        let files = search.files
        guard !files.isEmpty else {
            throw RunnerError(
                "nothing was checked: \(paths.joined(separator: ", ")) holds no cassettes (*.json)\(search.skippedPhrase); give cassette files or folders",
                status: .badInput
            )
        }
        try ReportFiles.paths(json: options.json, junit: options.junit)
            .refuse(overwriting: files, "one of the cassettes to verify")
        let engine = ContractEngine(catalog: catalog)
        let run = try await evaluate(files, engine: engine)
        var report = VerificationReport(
            engine.finish(consume run),
            deviations: deviations,
            today: options.today ?? DeviationSet.today(),
            judgesStaleDeviations: options.judgesStaleDeviations
        )
        report.skippedReports = search.skippedReports.map(displayPath)
        try requireSomethingChecked(report, what: paths.joined(separator: ", "))
        try ReportFiles.write(report, json: options.json, junit: options.junit, suite: "ssm-contract verify")
        return Outcome(
            text: report.text(title: "ssm-contract verify", listsNotApplicable: options.verbose),
            exitStatus: report.hasViolations ? .violation : .success,
            report: report
        )
    }

    /// A run in which no contract judged anything is bad input (exit 2), never a pass: no responses, or none
    /// that any selected contract applies to.
    static func requireSomethingChecked(_ report: VerificationReport, what: String) throws(RunnerError) {
        guard report.observations > 0 else {
            throw RunnerError(
                "nothing was checked: \(what) holds no SSM responses (\(report.files) \(report.files == 1 ? "file" : "files") read)",
                status: .badInput
            )
        }
        guard report.rows.contains(where: { $0.verdict != .notApplicable }) else {
            let contracts =
                report.rows.count == 1
                ? "the one selected contract (\(report.rows[0].contract.id)) does not apply"
                : "none of the \(report.rows.count) selected contracts applies"
            throw RunnerError(
                "nothing was checked: \(contracts) to the \(report.observations) \(report.observations == 1 ? "response" : "responses") in \(what); check --only/--skip and the operation",
                status: .badInput
            )
        }
    }

    /// Loads and evaluates the files in parallel (one task per file, at most one per core). Results are merged
    /// in file order as soon as they are available, so merging overlaps with the files still being evaluated.
    static func evaluate(
        _ files: [URL],
        engine: ContractEngine,
        partSize: Int = partSize
    ) async throws(RunnerError) -> RunAccumulator {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let (total, failure) = await withTaskGroup(of: (Int, Result<RunAccumulator, RunnerError>).self) { group in
            var total = engine.makeAccumulator()
            var failure: RunnerError?
            var waiting: [Int: Result<RunAccumulator, RunnerError>] = [:]
            var next = 0
            var nextToMerge = 0
            func start() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await evaluateFile(files[index], engine: engine, partSize: partSize)) }
            }
            for _ in 0..<width { start() }
            while let (index, result) = await group.next() {
                start()
                waiting[index] = result
                while let ready = waiting.removeValue(forKey: nextToMerge) {
                    nextToMerge += 1
                    guard failure == nil else { continue }
                    switch ready {
                    case .success(let run): total.merge(run)
                    case .failure(let error): failure = error  // the first unreadable file in file order
                    }
                }
            }
            return (total, failure)
        }
        if let failure { throw failure }
        return total
    }

    /// The path as the user gave it (relative stays relative, absolute stays absolute).
    static func displayPath(_ url: URL) -> String { url.relativePath }

    /// Reads one cassette file (checked as every cassette is, errors naming the file and field) and evaluates
    /// its observations straight from the file's tape: a large file in parts on every core, merged in order.
    static func evaluateFile(
        _ url: URL,
        engine: ContractEngine,
        partSize: Int
    ) async -> Result<RunAccumulator, RunnerError> {
        let cassette: CassetteFile
        do {
            cassette = try CassetteFile.read(from: url)
        } catch {
            return .failure(RunnerError(error.description, status: .badInput))
        }
        let file = displayPath(url)
        let parts = partition(
            cassette.interactions.count,
            width: ProcessInfo.processInfo.activeProcessorCount,
            partSize: partSize
        )
        var run = engine.makeAccumulator()
        if parts.count == 1 {
            run.addSkipped(Observation.forEachObservation(of: cassette, file: file) { engine.evaluate($0, into: &run) })
        } else {
            let runs = await withTaskGroup(of: (Int, RunAccumulator).self) { group in
                for (index, range) in parts.enumerated() {
                    group.addTask {
                        var part = engine.makeAccumulator()
                        part.addSkipped(
                            Observation.forEachObservation(of: cassette, file: file, interactions: range) {
                                engine.evaluate($0, into: &part)
                            }
                        )
                        return (index, part)
                    }
                }
                var runs = [RunAccumulator?](repeating: nil, count: parts.count)
                for await (index, part) in group { runs[index] = part }
                return runs
            }
            for part in runs { run.merge(part!) }  // in interaction order: the same results as one pass
        }
        run.addFile()
        // Sequences and pages are judged with their file, so what is kept for them never outgrows one file.
        engine.judgeCollected(&run)
        return .success(run)
    }

    /// The interactions of a file cut into contiguous parts of at least `partSize`, at most `width` of them.
    static func partition(_ count: Int, width: Int, partSize: Int) -> [Range<Int>] {
        let n = max(1, min(width, count / partSize))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }

    /// The fewest interactions worth a part of their own.
    static let partSize = 5_000
}
