import Foundation
import RawJSON

/// What to remove from a recording before anything is written. Always on, whatever is configured here:
/// the signature and access key in `Authorization` (the algorithm, scope and `SignedHeaders` stay readable),
/// `X-Amz-Security-Token`, presigned-URL signatures, credentials and tokens, AWS access key ids
/// (`AKIA…`/`ASIA…`) anywhere, and the values of credential members (`SecretAccessKey`, `SessionToken`, …)
/// in JSON bodies.
public struct RedactionOptions: Sendable, Hashable {
    /// Secret values (access keys, secret keys, session tokens, passwords) replaced by `<redacted:credential>`
    /// wherever they appear: headers, URLs, JSON strings (nested JSON included), text and binary bodies, also
    /// percent-encoded, JSON-escaped and base64-encoded. Values shorter than 4 characters are refused.
    public var credentialValues: [String]
    /// Headers whose whole value is replaced by `<redacted:header>` (case-insensitive names).
    public var headers: [String]
    /// Custom rules, applied after the built-in ones, in order.
    public var rules: [RedactionRule]

    public init(credentialValues: [String] = [], headers: [String] = [], rules: [RedactionRule] = []) {
        self.credentialValues = credentialValues
        self.headers = headers
        self.rules = rules
    }

    /// These options followed by `other`'s (values, headers and rules appended).
    public func merging(_ other: RedactionOptions) -> RedactionOptions {
        RedactionOptions(
            credentialValues: credentialValues + other.credentialValues,
            headers: headers + other.headers,
            rules: rules + other.rules
        )
    }

    /// The marker for a configured credential value.
    public static let credentialMarker = "<redacted:credential>"
    /// The marker for a request signature.
    public static let signatureMarker = "<redacted:signature>"
    /// The marker for an access key id.
    public static let accessKeyMarker = "<redacted:access-key>"
    /// The marker for a session token.
    public static let sessionTokenMarker = "<redacted:session-token>"
    /// The marker for a configured header's value.
    public static let headerMarker = "<redacted:header>"
    /// JSON members whose values are always redacted, at any depth (STS, SSO and IMDS credential shapes).
    public static let credentialMembers = [
        "SecretAccessKey", "SessionToken", "secretAccessKey", "sessionToken", "AccessKeyId", "accessKeyId", "Token",
        "TokenValue",
    ]
}
