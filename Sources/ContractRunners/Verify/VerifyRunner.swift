import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// `ssm-contract verify [PATH...]`: every contract over cassettes (files, or folders searched recursively for
/// `*.json`), with known deviations per target.
public enum VerifyRunner {
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

        public init() {}
    }

    /// What a run printed and how it ends.
    public struct Outcome: Sendable {
        /// The text to print on standard output.
        public let text: String
        /// The exit status.
        public let status: ExitStatus
        /// The report (nil for `--list-contracts`).
        public let report: VerificationReport?
    }

    /// Runs `verify`.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let (catalog, deviations) = try options.catalog.load()
        if options.listContracts {
            let text = options.markdown ? ContractTable.markdown(catalog) : ContractTable.plain(catalog)
            return Outcome(text: text, status: .success, report: nil)
        }
        let files = try cassetteFiles(options.paths.isEmpty ? ["Recordings"] : options.paths)
        let engine = ContractEngine(catalog: catalog)
        let run = try await evaluate(files, engine: engine)
        let report = VerificationReport(engine.finish(consume run), deviations: deviations, today: options.today ?? DeviationSet.today())
        try ReportFiles.write(report, json: options.json, junit: options.junit, suite: "ssm-contract verify")
        return Outcome(text: report.text(title: "ssm-contract verify"), status: report.hasViolations ? .violation : .success, report: report)
    }

    /// The cassette files under `paths`, sorted; a path that does not exist is bad input.
    public static func cassetteFiles(_ paths: [String]) throws(RunnerError) -> [URL] {
        var files: [URL] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw RunnerError("\(path): no such file or folder; give cassette files or folders (default Recordings)", status: .badInput)
            }
            guard isFolder.boolValue else {
                files.append(URL(fileURLWithPath: path))
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
                if subpath.hasSuffix(".json") { found.append(URL(fileURLWithPath: (path as NSString).appendingPathComponent(subpath))) }
            }
            files += found.sorted { $0.relativePath < $1.relativePath }
        }
        return files
    }

    /// Loads and evaluates the files in parallel (one task per file, at most one per core). Results are merged
    /// in file order as soon as they are available, so merging overlaps with the files still being evaluated.
    static func evaluate(_ files: [URL], engine: ContractEngine) async throws(RunnerError) -> RunAccumulator {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let (total, failure) = await withTaskGroup(of: (Int, Result<RunAccumulator, RunnerError>).self) { group in
            var total = engine.makeAccumulator()
            var failure: RunnerError?
            var waiting: [Int: Result<RunAccumulator, RunnerError>] = [:]
            var next = 0, nextToMerge = 0
            func start() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask { (index, evaluateFile(files[index], engine: engine)) }
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

    static func evaluateFile(_ url: URL, engine: ContractEngine) -> Result<RunAccumulator, RunnerError> {
        // Fast path: observations straight from the parsed file. Anything it does not certainly accept (an
        // unreadable file, invalid JSON, a malformed cassette) goes through `Cassette.load`, whose errors name
        // the file and field.
        if let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(data) {
            var run = engine.makeAccumulator()
            let skipped = Observation.forEachObservation(ofCassetteDocument: json, file: displayPath(url)) {
                engine.evaluate($0, into: &run)
            }
            if let skipped {
                run.addFile()
                run.addSkipped(skipped)
                return .success(run)
            }
        }
        return evaluateLoadedFile(url, engine: engine)
    }

    /// Loads the file as a ``Cassette`` (with its checks and error messages) and evaluates it.
    static func evaluateLoadedFile(_ url: URL, engine: ContractEngine) -> Result<RunAccumulator, RunnerError> {
        let cassette: Cassette
        do {
            cassette = try Cassette.load(from: url)
        } catch {
            return .failure(RunnerError(error.description, status: .badInput))
        }
        var run = engine.makeAccumulator()
        run.addFile()
        // One observation at a time: nothing but the parsed cassette is held per file.
        let skipped = Observation.forEachObservation(of: cassette, file: displayPath(url)) { engine.evaluate($0, into: &run) }
        run.addSkipped(skipped)
        return .success(run)
    }
}
