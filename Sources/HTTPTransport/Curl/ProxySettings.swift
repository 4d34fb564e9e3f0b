import Foundation

/// Which HTTP proxy a ``CurlTransport`` uses, and for which hosts it goes direct.
///
/// Read from an environment with ``fromEnvironment(_:)`` (the default configuration reads the process
/// environment) or built by hand. The settings are handed to libcurl explicitly (`CURLOPT_PROXY`,
/// `CURLOPT_NOPROXY`); libcurl's own environment lookup is switched off, so what you see here is what is used.
public struct ProxySettings: Sendable, Hashable {
    /// The proxy for `http://` URLs, e.g. `http://proxy.corp:3128` (`nil`: direct).
    public var httpProxy: String?
    /// The proxy for `https://` URLs, tunnelled with `CONNECT` (`nil`: direct).
    public var httpsProxy: String?
    /// Hosts that bypass the proxy: comma-separated names, `.domain` suffixes, IP addresses, or `*` for all.
    public var noProxy: String?

    /// Creates proxy settings.
    public init(httpProxy: String? = nil, httpsProxy: String? = nil, noProxy: String? = nil) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
    }

    /// No proxy: every request goes direct, whatever the environment says.
    public static let none = ProxySettings()

    /// Reads `https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY` and `no_proxy`/`NO_PROXY`.
    ///
    /// The lower-case name wins when both spellings are set, as in curl and botocore (Python's `urllib`).
    /// Unlike the curl command line, upper-case `HTTP_PROXY` is honoured, as the AWS SDKs do. Empty values
    /// count as unset.
    /// - Parameter environment: the variables, e.g. `ProcessInfo.processInfo.environment`.
    public static func fromEnvironment(_ environment: [String: String]) -> ProxySettings {
        func value(_ name: String) -> String? {
            for key in [name.lowercased(), name.uppercased()] {
                if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                    return value
                }
            }
            return nil
        }
        return ProxySettings(
            httpProxy: value("http_proxy"),
            httpsProxy: value("https_proxy"),
            noProxy: value("no_proxy")
        )
    }

    /// The proxy a request to `url` goes through, or `nil` when it goes direct (no proxy for its scheme, or
    /// its host matches ``noProxy``).
    public func proxy(for url: String) -> String? {
        let target = URLParts(url)
        guard !target.scheme.isEmpty else { return nil }
        let proxy = target.scheme == "https" ? httpsProxy : httpProxy
        guard let proxy, !bypasses(host: target.host) else { return nil }
        return proxy
    }

    /// Whether `host` matches an entry of ``noProxy`` (curl's rules: `*` matches all; an entry matches the
    /// host itself and its subdomains; a leading dot is ignored; case-insensitive). libcurl, which gets
    /// ``noProxy`` too, also honours CIDR entries such as `10.0.0.0/8`; this function does not, so for those
    /// only the classification of a failed connect as `.proxy` can be off.
    public func bypasses(host: String) -> Bool {
        guard let noProxy else { return false }
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        for rawEntry in noProxy.split(separator: ",") {
            var entry = rawEntry.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("[") { entry = String(entry.dropFirst().prefix { $0 != "]" }) }
            entry = entry.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if entry.isEmpty { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }
}
