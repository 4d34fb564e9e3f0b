/// The exit codes of every `ssm-contract` command, one per kind of outcome.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything held.
    case success = 0
    /// At least one contract was violated (or a listed deviation no longer holds, or has expired).
    case violation = 1
    /// Bad usage or unreadable input: unknown flag, operation or contract id; malformed cassette, JSON or YAML.
    case badInput = 2
    /// Missing or malformed configuration or credentials.
    case configuration = 3
    /// A target could not be reached or answered outside the protocol (transport failure, HTML error page).
    case unreachable = 4
    /// `live` only: every contract held, but the responses drifted from the baseline recordings (members, types,
    /// timestamp forms, enum values, error codes, header names) or the SSM model drifted from botocore.
    case drift = 5
    /// A bug in ssm-contract itself.
    case internalError = 70
}
