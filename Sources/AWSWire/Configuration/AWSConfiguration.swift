/// Resolved configuration for one AWS service client: who signs, in which region, against which endpoint, and
/// where each of those came from.
public struct AWSConfiguration: Sendable, Hashable {
    /// The profile that was selected (`default` unless chosen).
    public var profile: String
    /// The credentials to sign with.
    public var credentials: AWSCredentials
    /// The signing region, e.g. `us-east-1`.
    public var region: String
    /// The endpoint requests go to.
    public var endpoint: AWSEndpoint
    /// Where each setting came from, for `--verbose` output and reports: e.g. `credentials` →
    /// `env AWS_ACCESS_KEY_ID`, `region` → `/root/.aws/config [profile dev]`, `endpoint` → `default`.
    public var sources: [String: String]

    /// Creates a configuration directly (tests, or callers that resolve settings themselves).
    public init(
        profile: String = "default",
        credentials: AWSCredentials,
        region: String,
        endpoint: AWSEndpoint,
        sources: [String: String] = [:]
    ) {
        self.profile = profile
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
        self.sources = sources
    }
}
