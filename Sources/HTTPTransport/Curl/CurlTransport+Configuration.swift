import Foundation

extension CurlTransport {
    /// How a ``CurlTransport`` connects: timeouts, connection limits and proxies.
    ///
    /// TLS certificate and host-name verification are always on and cannot be turned off here; redirects are
    /// never followed; only `http` and `https` are allowed; bodies are never content-decoded.
    public struct Configuration: Sendable, Hashable {
        /// How long establishing a connection (DNS, TCP, TLS, proxy tunnel) may take. Default 10 s.
        public var connectTimeout: Duration
        /// How long a whole request may take, connecting included. Default 60 s. Override per request with
        /// ``CurlTransport/send(_:timeout:)``.
        public var timeout: Duration
        /// At most this many simultaneous connections to one host (more requests queue). Default 20.
        public var maxConnectionsPerHost: Int
        /// At most this many simultaneous connections in total (more requests queue); also the size of the
        /// idle-connection cache. Default 100.
        public var maxConnectionsTotal: Int
        /// The proxies to use. Default: read from the process environment (`HTTPS_PROXY`, `NO_PROXY`, ...).
        public var proxy: ProxySettings
        /// A PEM file of CA certificates to trust instead of the system's bundle, e.g. `AWS_CA_BUNDLE` behind a
        /// TLS-inspecting proxy. Verification stays on either way. Default `nil` (the system bundle).
        public var caBundlePath: String?

        /// Creates a configuration.
        public init(
            connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(60),
            maxConnectionsPerHost: Int = 20,
            maxConnectionsTotal: Int = 100,
            proxy: ProxySettings = .fromEnvironment(ProcessInfo.processInfo.environment),
            caBundlePath: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.maxConnectionsTotal = maxConnectionsTotal
            self.proxy = proxy
            self.caBundlePath = caBundlePath
        }

        /// The defaults, with proxies from the process environment.
        public static var `default`: Configuration { Configuration() }
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl treats 0 as "no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, millis))
    }
}
