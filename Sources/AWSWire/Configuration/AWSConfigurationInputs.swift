/// Everything the configuration resolver reads: an environment dictionary and explicit overrides.
///
/// Nothing is read from the process environment unless the caller passes it (`ProcessInfo.processInfo
/// .environment`), so tests never depend on the machine's variables or `~/.aws`.
public struct AWSConfigurationInputs: Sendable, Hashable {
    /// The environment variables to read (`AWS_*` and `HOME`).
    public var environment: [String: String]
    /// A profile chosen explicitly (`--profile`). Like botocore, an explicit profile makes the resolver skip the
    /// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` variables; `AWS_PROFILE` does not.
    public var profile: String?
    /// A region given explicitly (`--region`); wins over every other source.
    public var region: String?
    /// An endpoint given explicitly (`--endpoint-url`); wins over every other source and over
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`.
    public var endpointURL: String?
    /// Credentials given in code; win over every other source.
    public var credentials: AWSCredentials?

    /// Creates inputs from an environment and optional explicit overrides.
    public init(
        environment: [String: String],
        profile: String? = nil,
        region: String? = nil,
        endpointURL: String? = nil,
        credentials: AWSCredentials? = nil
    ) {
        self.environment = environment
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.credentials = credentials
    }

    /// An environment variable, or `nil` when unset or empty.
    func env(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
