import CCurl
import Foundation

/// Process-wide libcurl setup, done exactly once before the first handle is created.
///
/// The binary does not link libcurl: the first transport to start loads it (`ccurl_load`, see `CCurl.h`), so
/// commands that send no request never load it and its libraries. `curl_global_init` is not thread-safe on every
/// libcurl build, so loading and initialising run inside a Swift global initializer (`swift_once`: exactly once,
/// thread-safe). Every easy and multi handle is created after ``ensureInitialized()`` returned.
enum CurlGlobal {
    /// Whether libcurl loaded and initialised; `nil` on success, otherwise the one-line reason.
    private static let initializationFailure: String? = {
        if let failure = ccurl_load() {
            return "libcurl could not be loaded (\(String(cString: failure))); every request goes through libcurl: "
                + "install it (Debian: apt-get install libcurl4)"
        }
        disableOpenSSLAtExitCleanup()
        // Transfers set CURLOPT_NOSIGNAL, so libcurl no longer ignores SIGPIPE for us; a peer closing a
        // socket mid-write must be an error (EPIPE), never a process kill.
        signal(SIGPIPE, SIG_IGN)
        let rc = ccurl_global_init(CCURL_GLOBAL_DEFAULT)
        guard rc == CURLE_OK else { return "libcurl could not initialise: \(String(cString: ccurl_easy_strerror(rc)))" }
        return nil
    }()

    /// Loads and initialises libcurl once; throws when it cannot be loaded or `curl_global_init` failed.
    static func ensureInitialized() throws(TransportError) {
        if let failure = initializationFailure {
            throw TransportError(code: .other, message: failure, url: "")
        }
    }

    /// Asks OpenSSL not to register its `atexit` cleanup: it can race with a curl thread that is still
    /// tearing down at exit (swift-corelibs-foundation #5469). Looked up among the libraries libcurl loaded; absent
    /// on other backends.
    private static func disableOpenSSLAtExitCleanup() {
        typealias InitCrypto = @convention(c) (UInt64, UnsafeRawPointer?) -> Int32
        guard let symbol = ccurl_symbol("OPENSSL_init_crypto") else { return }
        let initCrypto = unsafeBitCast(symbol, to: InitCrypto.self)
        let OPENSSL_INIT_NO_ATEXIT: UInt64 = 0x0008_0000
        _ = initCrypto(OPENSSL_INIT_NO_ATEXIT, nil)
    }
}
