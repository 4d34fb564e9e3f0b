import HTTPTransport

/// Where an AWS service is reached: an `http` or `https` URL, optionally with a port and a base path.
public struct AWSEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The endpoint URL as configured, e.g. `http://127.0.0.1:5000` or `https://ssm.eu-west-1.amazonaws.com`.
    public let url: String
    /// The URL every awsJson1_1 request is posted to: the endpoint's path, or `/`.
    public let requestURL: String
    /// The `Host` header curl sends for this URL: the host, plus `:port` when the port is not the default.
    public let hostHeader: String

    /// Parses and validates an endpoint URL.
    ///
    /// - Throws: ``AWSConfigurationError`` (kind `invalidValue`) naming `source` when the URL is not an absolute
    ///   `http` or `https` URL with a host and a valid port, or has a query.
    public init(_ url: String, source: String = "endpoint") throws(AWSConfigurationError) {
        let parts = URLParts(url)
        func invalid(_ why: String) -> AWSConfigurationError {
            AWSConfigurationError(
                "invalid endpoint URL \"\(url)\" from \(source): \(why); use a URL like http://127.0.0.1:5000 or https://ssm.us-east-1.amazonaws.com",
                kind: .invalidValue
            )
        }
        guard parts.scheme == "http" || parts.scheme == "https" else {
            throw invalid("the scheme must be http or https")
        }
        guard !parts.host.isEmpty, !parts.host.contains(" ") else { throw invalid("it has no host") }
        let authority = url.dropFirst(parts.scheme.count + 3).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let explicitPort =
            authority.hasPrefix("[")
            ? authority.split(separator: "]").last.map { $0.hasPrefix(":") } ?? false
            : authority.contains(":")
        if explicitPort, parts.port == nil || !(1...65535).contains(parts.port!) {
            throw invalid("the port is not a number between 1 and 65535")
        }
        guard parts.query.isEmpty else { throw invalid("an endpoint cannot have a query") }
        self.url = url
        let base = String(url.prefix(parts.scheme.count + 3 + authority.count))
        self.requestURL = base + (parts.path.isEmpty ? "/" : parts.path)
        self.hostHeader = parts.hostHeader
    }

    /// The public AWS endpoint of a service in a region: `https://<prefix>.<region>.amazonaws.com`
    /// (`.amazonaws.com.cn` in China regions).
    public static func aws(service endpointPrefix: String, region: String) throws(AWSConfigurationError) -> AWSEndpoint
    {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return try AWSEndpoint(
            "https://\(endpointPrefix).\(region).\(suffix)",
            source: "the default for region \(region)"
        )
    }

    public var description: String { url }
}
