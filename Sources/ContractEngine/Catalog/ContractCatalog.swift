import Foundation

/// The contracts in force: the catalog folder's files plus any the user adds, optionally narrowed by id.
public struct ContractCatalog: Sendable {
    /// The contracts, in file order.
    public let contracts: [Contract]
    /// The catalog folder (holds `deviations/` and `seeds/`), when loaded from one.
    public let folder: URL?

    /// Checks that ids are unique and that every `implementation: swift` contract has an implementation.
    public init(contracts: [Contract], folder: URL? = nil) throws(CatalogError) {
        var seen: [String: String] = [:]
        for contract in contracts {
            if let other = seen[contract.id] {
                throw CatalogError(
                    file: contract.file,
                    problem: "contract \(contract.id) is already defined in \(other); ids must be unique"
                )
            }
            seen[contract.id] = contract.file
            if case .swift = contract.implementation, CodeContractRegistry.byID[contract.id] == nil {
                throw CatalogError(
                    file: contract.file,
                    problem:
                        "contract \(contract.id) says implementation: swift, but ssm-contract has no Swift contract with that id; write it as a rule instead"
                )
            }
        }
        self.contracts = contracts
        self.folder = folder
    }

    /// The `*.yaml`/`*.yml` files directly inside `folder` (sub-folders such as `model/` and `deviations/` are
    /// not contract files), in name order.
    public static func contractFiles(in folder: URL) throws(CatalogError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CatalogError(
                file: folder.relativePath,
                problem: "cannot be listed; check the path (--catalog, --contracts)"
            )
        }
        return names.filter(isContractFile).sorted().map { folder.appendingPathComponent($0) }
    }

    /// Loads the catalog folder and any further contract files or folders (`--contracts`).
    public static func load(folder: URL, additional: [URL] = []) throws(CatalogError) -> ContractCatalog {
        var files = try contractFiles(in: folder)
        guard !files.isEmpty else {
            throw CatalogError(
                file: folder.relativePath,
                problem: "holds no contract files (*.yaml); point --catalog at the Contracts folder"
            )
        }
        files += try Self.files(additional)
        var contracts: [Contract] = []
        for file in files { contracts += try CatalogLoader.load(file) }
        return try ContractCatalog(contracts: contracts, folder: folder)
    }

    /// Whether a file of a catalog folder, by name, is a contract file (`*.yaml`, `*.yml`); the same rule for a
    /// folder on disk and for the built-in catalog.
    public static func isContractFile(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// The contract files `--contracts` names: each file, and the `*.yaml` files of each folder.
    static func files(_ additional: [URL]) throws(CatalogError) -> [URL] {
        var files: [URL] = []
        for url in additional {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw CatalogError(
                    file: url.relativePath,
                    problem: "does not exist; --contracts takes a contract file or a folder of them"
                )
            }
            files += isFolder.boolValue ? try contractFiles(in: url) : [url]
        }
        return files
    }

    /// The contract with this id.
    public subscript(id: String) -> Contract? { contracts.first { $0.id == id } }

    /// Keeps contracts matching any `only` pattern (all when empty) and none of the `skip` patterns.
    /// Patterns are ids or globs (`status.*`, `sequence.?tart-*`); one that matches no contract is an error.
    public func selecting(only: [String], skip: [String]) throws(CatalogError) -> ContractCatalog {
        for (flag, patterns) in [("--only", only), ("--skip", skip)] {
            for pattern in patterns where !contracts.contains(where: { Glob.matches(pattern, $0.id) }) {
                throw CatalogError(
                    file: flag,
                    problem:
                        "\"\(pattern)\" matches no contract id; list them with `ssm-contract verify --list-contracts`"
                )
            }
        }
        let kept = contracts.filter { contract in
            (only.isEmpty || only.contains { Glob.matches($0, contract.id) })
                && !skip.contains { Glob.matches($0, contract.id) }
        }
        return try ContractCatalog(contracts: kept, folder: folder)
    }
}

/// Shell-style globs over ids: `*` any run of characters, `?` one character.
public enum Glob {
    /// Whether `text` matches `pattern` entirely.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
