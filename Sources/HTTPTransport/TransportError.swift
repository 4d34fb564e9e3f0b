/// A failure below HTTP: the request got no response.
///
/// Compare ``code`` against the static constants (`error.code == .connectionRefused`); use ``isRetryable`` and
/// ``isTimeout`` to classify (the AWS retry layer retries retryable errors and charges timeouts more).
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The URL is malformed or uses an unsupported scheme.
        public static let badURL = Code("bad URL")
        /// The request cannot be sent as given (invalid method, header name, or a line break in a header value).
        public static let invalidRequest = Code("invalid request")
        /// The host name could not be resolved.
        public static let dnsFailure = Code("DNS failure")
        /// The server refused the connection (nothing listening).
        public static let connectionRefused = Code("connection refused")
        /// Connecting did not finish within the connect timeout.
        public static let connectTimeout = Code("connect timeout")
        /// The whole request did not finish within the total timeout.
        public static let timeout = Code("timeout")
        /// TLS failed: handshake, certificate verification, ...
        public static let tls = Code("TLS failure")
        /// The connection was reset or closed before a complete response arrived.
        public static let connectionReset = Code("connection reset")
        /// Going through the proxy failed.
        public static let proxy = Code("proxy failure")
        /// The request was cancelled by the caller.
        public static let cancelled = Code("cancelled")
        /// The transport was shut down.
        public static let shutdown = Code("transport shut down")
        /// Any other libcurl failure.
        public static let other = Code("transport failure")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// A human-readable explanation (including libcurl's message where there is one).
    public let message: String
    /// The URL of the request that failed.
    public let url: String
    /// libcurl's `CURLcode`, when the failure came from libcurl.
    public let curlCode: Int?

    public init(code: Code, message: String, url: String, curlCode: Int? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.curlCode = curlCode
    }

    /// Whether sending the same request again may succeed (connection-level and timeout failures).
    public var isRetryable: Bool {
        switch code {
        case .dnsFailure, .connectionRefused, .connectTimeout, .timeout, .connectionReset, .proxy: true
        default: false
        }
    }

    /// Whether the failure was a timeout (the retry quota charges these more).
    public var isTimeout: Bool { code == .connectTimeout || code == .timeout }

    /// `CODE for URL: MESSAGE (curl error N)`; without ` for URL` when no request was being made (a transport
    /// that could not start).
    public var description: String {
        var text = url.isEmpty ? "\(code): \(message)" : "\(code) for \(url): \(message)"
        if let curlCode { text += " (curl error \(curlCode))" }
        return text
    }
}
