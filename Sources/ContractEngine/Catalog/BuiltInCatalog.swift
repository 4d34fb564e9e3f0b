import Foundation
import YAMLTree

/// The catalog compiled into the binary: `Contracts/*.yaml`, `Contracts/deviations/*.yaml` and the seed pages
/// (`Contracts/seeds/*.txt`) as they were when it was built, so that a copied `ssm-contract` works without the
/// checkout. A catalog folder (`--catalog DIR`) is read instead when one is given or found.
public enum BuiltInCatalog {
    /// How reports and messages name the built-in catalog's files: `Contracts/errors.yaml`, as in the package.
    public static let folder = ContractEngineInfo.defaultCatalogFolder

    /// The contract files (`Contracts/*.yaml`), in name order.
    public static var contractFiles: [(path: String, text: String)] {
        files(in: folder, where: ContractCatalog.isContractFile)
    }

    /// The known-deviation files (`Contracts/deviations/*.yaml`), in name order.
    public static var deviationFiles: [(path: String, text: String)] {
        files(in: folder + "/" + ContractEngineInfo.deviationsFolder, where: ContractCatalog.isContractFile)
    }

    /// The seed pages the contracts quote (`Contracts/seeds/*.txt`), in name order.
    public static var seeds: [(path: String, text: String)] { files(in: folder + "/seeds") { $0.hasSuffix(".txt") } }

    /// The text of the embedded file `name` directly inside the catalog folder (e.g. `scenarios.yaml`), if any.
    public static func text(ofFile name: String) -> String? {
        files(in: folder) { $0 == name }.first?.text
    }

    /// The document the build parsed from `text` when `text` is exactly the text of one of the embedded YAML files
    /// (nil otherwise, or when that file is not valid YAML: parsing it again reports why).
    static func parsedDocument(ofText text: String) -> YAMLTree? {
        EmbeddedFiles.files.first { $0.yamlTree != nil && $0.text == text }?.yamlTree.flatMap(YAMLTree.init(encoded:))
    }

    /// The built-in contracts, and any further contract files or folders (`--contracts`).
    public static func load(additional: [URL] = []) throws(CatalogError) -> ContractCatalog {
        var contracts: [Contract] = []
        for file in contractFiles { contracts += try CatalogLoader.load(text: file.text, file: file.path) }
        for url in try ContractCatalog.files(additional) { contracts += try CatalogLoader.load(url) }
        return try ContractCatalog(contracts: contracts)
    }

    /// The embedded files directly inside `folder` whose names pass `isIncluded`, in name order.
    static func files(in folder: String, where isIncluded: (String) -> Bool) -> [(path: String, text: String)] {
        EmbeddedFiles.files.filter { file in
            guard file.path.hasPrefix(folder + "/") else { return false }
            let name = file.path.dropFirst(folder.count + 1)
            return !name.contains("/") && isIncluded(String(name))
        }.map { (path: $0.path, text: $0.text) }.sorted { $0.path < $1.path }
    }
}
