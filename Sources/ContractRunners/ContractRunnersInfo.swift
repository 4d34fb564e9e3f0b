/// Runners behind the CLI's commands (verify, check, skeleton, check-cli, record, serve, live).
public enum ContractRunnersInfo {
    /// The tool's version.
    public static let version = "0.1.0"
}
