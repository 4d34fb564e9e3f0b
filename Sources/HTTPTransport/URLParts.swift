/// The parts of a URL, split without decoding or re-encoding anything (so a path with spaces or UTF-8, as in the
/// SigV4 suite, survives as written). Used to pick a proxy, sign requests, build endpoints and match recordings.
public struct URLParts: Sendable, Hashable {
    /// `http` or `https`, lower case.
    public let scheme: String
    /// The host as written (an IPv6 literal keeps its brackets), lower case.
    public let host: String
    /// The explicit port, if any.
    public let port: Int?
    /// The path (empty when the URL has none).
    public let path: String
    /// The query without `?` (empty when none).
    public let query: String

    /// Splits `url`; a URL without `://` has an empty ``scheme`` and ``host``.
    public init(_ url: String) {
        var rest = Substring(url)
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        } else {
            scheme = ""
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close].lowercased()
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon].lowercased()
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority.lowercased()
        }
        port = portText.flatMap { Int($0) }
        if let question = rest.firstIndex(of: "?") {
            path = String(rest[..<question])
            query = String(rest[rest.index(after: question)...])
        } else {
            path = String(rest)
            query = ""
        }
    }

    /// The default port of the scheme (80 for http, 443 for https).
    public var defaultPort: Int? {
        switch scheme {
        case "http": 80
        case "https": 443
        default: nil
        }
    }

    /// The `Host` header curl sends: the host, plus `:port` when the port is not the scheme's default.
    public var hostHeader: String {
        if let port, port != defaultPort { return "\(host):\(port)" }
        return host
    }

    /// `scheme://host[:port]` (the port only when given explicitly), for comparing where requests went.
    public var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}
