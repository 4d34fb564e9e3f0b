import CCurl
import Foundation

/// Process-wide libcurl setup, done exactly once before the first handle is created.
///
/// `curl_global_init` is not thread-safe on every libcurl build, so it runs inside a Swift global
/// initializer (`swift_once`: exactly once, thread-safe). Every easy and multi handle is created after
/// ``ensureInitialized()`` returned.
enum CurlGlobal {
    /// Whether libcurl initialised; `nil` on success, otherwise the reason.
    private static let initializationFailure: String? = {
        disableOpenSSLAtExitCleanup()
        // Transfers set CURLOPT_NOSIGNAL, so libcurl no longer ignores SIGPIPE for us; a peer closing a
        // socket mid-write must be an error (EPIPE), never a process kill.
        signal(SIGPIPE, SIG_IGN)
        let rc = curl_global_init(CCURL_GLOBAL_DEFAULT)
        guard rc == CURLE_OK else { return String(cString: curl_easy_strerror(rc)) }
        return nil
    }()

    /// Initialises libcurl once; throws when `curl_global_init` failed.
    static func ensureInitialized() throws(TransportError) {
        if let failure = initializationFailure {
            throw TransportError(code: .other, message: "libcurl could not initialise: \(failure)", url: "")
        }
    }

    /// The libcurl version string, e.g. `libcurl/7.88.1 OpenSSL/3.0.19 ...`.
    static var versionDescription: String { String(cString: curl_version()) }

    /// Asks OpenSSL not to register its `atexit` cleanup: it can race with a curl thread that is still
    /// tearing down at exit (swift-corelibs-foundation #5469). Looked up dynamically; absent on other backends.
    private static func disableOpenSSLAtExitCleanup() {
        typealias InitCrypto = @convention(c) (UInt64, UnsafeRawPointer?) -> Int32
        guard let process = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(process) }
        guard let symbol = dlsym(process, "OPENSSL_init_crypto") else { return }
        let initCrypto = unsafeBitCast(symbol, to: InitCrypto.self)
        let OPENSSL_INIT_NO_ATEXIT: UInt64 = 0x0008_0000
        _ = initCrypto(OPENSSL_INIT_NO_ATEXIT, nil)
    }
}
