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

    /// Loads the catalog (a folder, or the built-in one), applies `--only`/`--skip`, and loads the deviations.
    func load() throws(RunnerError) -> (ContractCatalog, DeviationSet) {
        let location = try CatalogLocator.resolve(explicit: catalog)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let additional = contracts.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        let extraDeviations = deviations.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        do throws(CatalogError) {
            for url in extraDeviations where !FileManager.default.fileExists(atPath: url.path) {
                throw CatalogError(file: url.relativePath, problem: "does not exist; --deviations takes a deviations file or folder")
            }
            let full: ContractCatalog
            let deviationSet: DeviationSet
            switch location {
            case .folder(let folder):
                full = try ContractCatalog.load(folder: folder, additional: additional)
                deviationSet = try DeviationSet.load(
                    [folder.appendingPathComponent(ContractEngineInfo.deviationsFolder)] + extraDeviations, catalog: full)
            case .builtIn:
                full = try BuiltInCatalog.load(additional: additional)
                deviationSet = try DeviationSet.load(extraDeviations, builtIn: BuiltInCatalog.deviationFiles, catalog: full)
            }
            return (try full.selecting(only: only, skip: skip), deviationSet)
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
    }
}

/// Writes the report files a run asked for.
enum ReportFiles {
    static func write(_ report: VerificationReport, json: String?, junit: String?, suite: String) throws(RunnerError) {
        if let json { try write(Data((JSONWriter.string(report.json, style: .pretty) + "\n").utf8), to: json) }
        if let junit { try write(Data(report.junit(suiteName: suite).utf8), to: junit) }
    }

    static func write(_ data: Data, to path: String) throws(RunnerError) {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError("\(path): cannot write the report (\(error)); check that the folder exists and is writable", status: .badInput)
        }
    }
}
