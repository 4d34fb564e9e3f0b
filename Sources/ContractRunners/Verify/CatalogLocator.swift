import ContractEngine
import Foundation

/// Where a run's contract catalog comes from.
package enum CatalogLocation: Sendable, Equatable {
    /// A catalog folder on disk (as given, relative to the current directory when it was relative).
    case folder(URL)
    /// The catalog compiled into the binary (``BuiltInCatalog``).
    case builtIn
}

/// Finds the contract catalog: `--catalog DIR`, else `$SSM_CONTRACT_CATALOG`, else `./Contracts`, else the
/// package's `Contracts/` found from the executable (`.build/<config>/ssm-contract` → package root), else the
/// catalog built into the binary.
package enum CatalogLocator {
    /// The environment variable naming the catalog folder.
    package static let environmentVariable = "SSM_CONTRACT_CATALOG"

    /// Resolves this process's catalog: a folder named (`--catalog`, `$SSM_CONTRACT_CATALOG`) or found on disk
    /// (`./Contracts`, next to the executable), else the built-in one.
    ///
    /// - Throws: ``RunnerError`` (bad input) when a named folder is not a catalog.
    package static func resolve(explicit: String?) throws(RunnerError) -> CatalogLocation {
        try find(
            explicit: explicit,
            // The one variable read (building the whole environment's dictionary is measurable in a `check`).
            environment: getenv(environmentVariable).map { [environmentVariable: String(cString: $0)] } ?? [:],
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            executable: URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        ).map(CatalogLocation.folder) ?? .builtIn
    }

    /// Resolves the catalog folder on disk.
    ///
    /// - Throws: ``RunnerError`` (bad input) when a named folder does not exist, or no catalog is found.
    package static func locate(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    ) throws(RunnerError) -> URL {
        guard
            let folder = try find(
                explicit: explicit,
                environment: environment,
                currentDirectory: currentDirectory,
                executable: executable
            )
        else {
            throw RunnerError(
                "no contract catalog found: pass --catalog DIR or set \(environmentVariable) (looked in ./Contracts and next to the executable)",
                status: .badInput
            )
        }
        return folder
    }

    /// The folder named (`--catalog`, then the environment), else one found on disk, else nil.
    static func find(
        explicit: String?,
        environment: [String: String],
        currentDirectory: URL,
        executable: URL
    ) throws(RunnerError) -> URL? {
        if let explicit {
            return try existing(
                URL(fileURLWithPath: explicit, relativeTo: currentDirectory),
                named: "--catalog \(explicit)"
            )
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try existing(
                URL(fileURLWithPath: fromEnvironment, relativeTo: currentDirectory),
                named: "\(environmentVariable)=\(fromEnvironment)"
            )
        }
        let local = URL(fileURLWithPath: ContractEngineInfo.defaultCatalogFolder, relativeTo: currentDirectory)
        if isCatalog(local) { return local }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(ContractEngineInfo.defaultCatalogFolder)
            if isCatalog(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func existing(_ url: URL, named: String) throws(RunnerError) -> URL {
        guard isCatalog(url) else {
            throw RunnerError(
                "\(named): \(url.relativePath) is not a contract catalog folder (no *.yaml files)",
                status: .badInput
            )
        }
        return url
    }

    static func isCatalog(_ url: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.contains(where: ContractCatalog.isContractFile)
    }
}
