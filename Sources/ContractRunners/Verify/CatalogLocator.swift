import ContractEngine
import Foundation

/// Finds the contract catalog: `--catalog DIR`, else `$SSM_CONTRACT_CATALOG`, else `./Contracts`, else the
/// package's `Contracts/` found from the executable (`.build/<config>/ssm-contract` → package root).
public enum CatalogLocator {
    /// The environment variable naming the catalog folder.
    public static let environmentVariable = "SSM_CONTRACT_CATALOG"

    /// Resolves the catalog folder.
    ///
    /// - Throws: ``RunnerError`` (bad input) when a named folder does not exist, or no catalog is found.
    public static func locate(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    ) throws(RunnerError) -> URL {
        if let explicit {
            return try existing(URL(fileURLWithPath: explicit, relativeTo: currentDirectory).standardizedFileURL, named: "--catalog \(explicit)")
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try existing(URL(fileURLWithPath: fromEnvironment, relativeTo: currentDirectory).standardizedFileURL,
                named: "\(environmentVariable)=\(fromEnvironment)")
        }
        let local = currentDirectory.appendingPathComponent(ContractEngineInfo.defaultCatalogFolder)
        if isCatalog(local) { return local }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(ContractEngineInfo.defaultCatalogFolder)
            if isCatalog(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw RunnerError(
            "no contract catalog found: pass --catalog DIR or set \(environmentVariable) (looked in ./Contracts and next to the executable)",
            status: .badInput)
    }

    static func existing(_ url: URL, named: String) throws(RunnerError) -> URL {
        guard isCatalog(url) else {
            throw RunnerError("\(named): \(url.path) is not a contract catalog folder (no *.yaml files)", status: .badInput)
        }
        return url
    }

    static func isCatalog(_ url: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }
}
