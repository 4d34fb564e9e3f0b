/// An AWS access key pair, with a session token for temporary credentials.
///
/// The description never shows the secret or the token, so credentials can be logged or interpolated into
/// messages safely.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key id, e.g. `AKIDEXAMPLE`.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials (sent as `X-Amz-Security-Token`), if any.
    public var sessionToken: String?

    /// Creates credentials; an empty session token counts as none.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The access key id and whether a session token is present; never the secret.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"))"
    }
}
