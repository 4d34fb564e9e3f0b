import ContractEngine
import Foundation

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

    /// Loads the catalog (a folder, or the built-in one), applies `--only`/`--skip`, and loads the deviations. A
    /// selection that leaves no contract (of `operation`, when given: a wire name) is bad input: nothing would be
    /// checked.
    func load(operation: String? = nil) throws(RunnerError) -> (ContractCatalog, DeviationSet) {
        let location = try CatalogLocator.resolve(explicit: catalog)
        let selected: ContractCatalog
        let fullOperations: Set<String>
        let loadedDeviations: DeviationSet
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let additional = contracts.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        let extraDeviations = deviations.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        do throws(CatalogError) {
            for url in extraDeviations where !FileManager.default.fileExists(atPath: url.path) {
                throw CatalogError(
                    file: url.relativePath,
                    problem: "does not exist; --deviations takes a deviations file or folder"
                )
            }
            // A folder that adds nothing would leave the run judged as if the user's files were not there.
            for (flag, what, urls) in [
                ("--contracts", "contract", additional), ("--deviations", "deviations", extraDeviations),
            ] {
                for url in urls where OutputPaths.isFolder(url.path) {
                    guard try ContractCatalog.contractFiles(in: url).isEmpty else { continue }
                    throw CatalogError(
                        file: url.relativePath,
                        problem:
                            "holds no \(what) files (*.yaml, *.yml); \(flag) takes \(what) files or a folder of them"
                    )
                }
            }
            let full: ContractCatalog
            switch location {
            case .folder(let folder):
                full = try ContractCatalog.load(folder: folder, additional: additional)
                loadedDeviations = try DeviationSet.load(
                    [folder.appendingPathComponent(ContractEngineInfo.deviationsFolder)] + extraDeviations,
                    catalog: full
                )
            case .builtIn:
                full = try BuiltInCatalog.load(additional: additional)
                loadedDeviations = try DeviationSet.load(
                    extraDeviations,
                    builtIn: BuiltInCatalog.deviationFiles,
                    catalog: full
                )
            }
            selected = try full.selecting(only: only, skip: skip)
            fullOperations = Set(full.contracts.flatMap(\.operations))
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
        guard !selected.contracts.isEmpty else {
            throw RunnerError(
                "nothing was checked: --only and --skip leave no contract to run; list the ids with `ssm-contract verify --list-contracts`",
                status: .badInput
            )
        }
        if let operation, !selected.contracts.contains(where: { $0.operations.contains(operation) }),
            fullOperations.contains(operation)
        {
            throw RunnerError(
                "nothing was checked: --only and --skip leave no contract of \(OperationName.cli(fromWire: operation)); list the ids with `ssm-contract verify --list-contracts`",
                status: .badInput
            )
        }
        return (selected, loadedDeviations)
    }
}
