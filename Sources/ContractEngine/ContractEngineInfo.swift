/// The contract catalog and the engine that judges recordings and single responses against it.
public enum ContractEngineInfo {
    /// The default folder of the contract catalog, relative to the package root.
    public static let defaultCatalogFolder = "Contracts"
    /// The folder inside the catalog that holds the known-deviation files, one per target.
    public static let deviationsFolder = "deviations"
}
