/// The tool's name and version, in one place: the cassettes' `tool` header, the User-Agent every request
/// carries, and `ssm-contract --version` all read it. (HTTPTransport is the one target every layer depends on.)
public enum ToolIdentity {
    /// The tool's name.
    public static let name = "ssm-contract"
    /// The tool's version.
    public static let version = "0.1.0"
}
