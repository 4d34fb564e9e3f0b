import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// What selects the contracts and deviations of a run (shared by `verify` and `check`).
public struct CatalogOptions: Sendable {
    /// `--catalog DIR`.
    public var catalog: String?
    /// `--contracts FILE|DIR`, repeatable: more contract files.
    public var contracts: [String] = []
    /// `--only ID|GLOB`, repeatable.
    public var only: [String] = []
    /// `--skip ID|GLOB`, repeatable.
    public var skip: [String] = []
    /// `--deviations FILE|DIR`, repeatable; the catalog's `deviations/` folder is always read.
    public var deviations: [String] = []

    public init() {}

    /// Loads the catalog, applies `--only`/`--skip`, and loads the deviations. A selection that leaves no
    /// contract (of `operation`, when given: a wire name) is bad input: nothing would be checked.
    func load(operation: String? = nil) throws(RunnerError) -> (ContractCatalog, DeviationSet) {
        let folder = try CatalogLocator.locate(explicit: catalog)
        let selected: ContractCatalog, fullOperations: Set<String>, loadedDeviations: DeviationSet
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do throws(CatalogError) {
            let full = try ContractCatalog.load(folder: folder, additional: contracts.map { URL(fileURLWithPath: $0, relativeTo: cwd) })
            let deviationURLs = [folder.appendingPathComponent(ContractEngineInfo.deviationsFolder)]
                + deviations.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            for url in deviationURLs.dropFirst() where !FileManager.default.fileExists(atPath: url.path) {
                throw CatalogError(file: url.path, problem: "does not exist; --deviations takes a deviations file or folder")
            }
            let deviationSet = try DeviationSet.load(deviationURLs, catalog: full)
            selected = try full.selecting(only: only, skip: skip)
            fullOperations = Set(full.contracts.flatMap(\.operations))
            loadedDeviations = deviationSet
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
        guard !selected.contracts.isEmpty else {
            throw RunnerError("nothing was checked: --only and --skip leave no contract to run; list the ids with `ssm-contract verify --list-contracts`", status: .badInput)
        }
        if let operation, !selected.contracts.contains(where: { $0.operations.contains(operation) }), fullOperations.contains(operation) {
            throw RunnerError("nothing was checked: --only and --skip leave no contract of \(OperationName.cli(fromWire: operation)); list the ids with `ssm-contract verify --list-contracts`", status: .badInput)
        }
        return (selected, loadedDeviations)
    }
}

/// Writes the report files a run asked for; `-` is standard output. Check the paths first (``OutputPaths``).
enum ReportFiles {
    static func write(_ report: VerificationReport, json: String?, junit: String?, suite: String) throws(RunnerError) {
        if let json { try write(Data((JSONWriter.string(report.json, style: .pretty) + "\n").utf8), to: json) }
        if let junit { try write(Data(report.junit(suiteName: suite).utf8), to: junit) }
    }

    /// The pre-flight check of `--json` and `--junit`.
    static func paths(json: String?, junit: String?) -> OutputPaths {
        OutputPaths().file("--json", json).file("--junit", junit)
    }

    static func write(_ data: Data, to path: String) throws(RunnerError) {
        if path == OutputPaths.standardOutput {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError("\(path): cannot write the report (\(SystemErrorText.reason(error))); check that the folder exists and is writable", status: .badInput)
        }
    }
}
