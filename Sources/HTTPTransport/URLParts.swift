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
    ///
    /// The delimiters (`#`, `://`, `/`, `?`, `@`, `[`, `]`, `:`) are ASCII, so the URL is scanned as UTF-8 bytes:
    /// no grapheme breaking, and the same split for any text between them.
    public init(_ url: String) {
        var rest = Substring(url)
        if let fragment = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<fragment] }
        if let separator = Self.schemeSeparator(in: rest) {
            scheme = rest[..<separator].lowercased()
            rest = rest[rest.utf8.index(separator, offsetBy: 3)...]
        } else {
            scheme = ""
        }
        let authorityEnd =
            rest.utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) {
            authority = authority[authority.utf8.index(after: at)...]
        }
        var portText: Substring?
        if authority.utf8.first == UInt8(ascii: "["), let close = authority.utf8.firstIndex(of: UInt8(ascii: "]")) {
            host = authority[...close].lowercased()
            let after = authority[authority.utf8.index(after: close)...]
            if after.utf8.first == UInt8(ascii: ":") { portText = after[after.utf8.index(after: after.startIndex)...] }
        } else if let colon = authority.utf8.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon].lowercased()
            portText = authority[authority.utf8.index(after: colon)...]
        } else {
            host = authority.lowercased()
        }
        port = portText.flatMap { Int($0) }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = String(rest[..<question])
            query = String(rest[rest.utf8.index(after: question)...])
        } else {
            path = String(rest)
            query = ""
        }
    }

    /// Where `://` starts in `text`, if anywhere.
    private static func schemeSeparator(in text: Substring) -> String.Index? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            let tail = bytes[bytes.index(after: colon)...]
            if tail.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { return colon }
            index = bytes.index(after: colon)
        }
        return nil
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
