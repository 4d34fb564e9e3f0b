/// HTTP servers bound to 127.0.0.1 by default, on Hummingbird: the scriptable test server, and the base of the
/// replay server and the request-counting endpoint used by `check-cli`.
public enum LoopbackServerInfo {
    /// The default bind address.
    public static let defaultHost = "127.0.0.1"
}
