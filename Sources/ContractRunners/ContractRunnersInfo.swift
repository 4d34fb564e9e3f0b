import HTTPTransport

/// Runners behind the CLI's commands (verify, check, skeleton, check-cli, record, serve, live).
public enum ContractRunnersInfo {
    /// The tool's version (``ToolIdentity/version``).
    public static let version = ToolIdentity.version
}
