import Cassettes
import ContractEngine
import Foundation

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
        let report = VerificationReport(engine.finish(run), deviations: deviations, today: options.today ?? DeviationSet.today())
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
            let root = URL(fileURLWithPath: path)
            let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            var found: [URL] = []
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "json" { found.append(url) }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return files
    }

    /// Loads and evaluates the files in parallel (one task per file, at most one per core).
    static func evaluate(_ files: [URL], engine: ContractEngine) async throws(RunnerError) -> RunAccumulator {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let results: [Result<RunAccumulator, RunnerError>] = await withTaskGroup(of: (Int, Result<RunAccumulator, RunnerError>).self) { group in
            var results = Array(repeating: Result<RunAccumulator, RunnerError>.success(engine.makeAccumulator()), count: files.count)
            var next = 0
            func start() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask { (index, evaluateFile(files[index], engine: engine)) }
            }
            for _ in 0..<width { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                start()
            }
            return results
        }
        var total = engine.makeAccumulator()
        for result in results {
            switch result {
            case .success(let run): total.merge(run)
            case .failure(let error): throw error
            }
        }
        return total
    }

    /// The path relative to the current folder when it is inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    static func evaluateFile(_ url: URL, engine: ContractEngine) -> Result<RunAccumulator, RunnerError> {
        let cassette: Cassette
        do {
            cassette = try Cassette.load(from: url)
        } catch {
            return .failure(RunnerError(error.description, status: .badInput))
        }
        var run = engine.makeAccumulator()
        run.addFile()
        let observations = Observation.observations(of: cassette, file: displayPath(url))
        run.addSkipped(cassette.interactions.count - observations.count)
        for observation in observations { engine.evaluate(observation, into: &run) }
        return .success(run)
    }
}
