import CCurl
import Foundation

/// One request on one libcurl easy handle.
///
/// Configured on the caller's thread in `init`, then handed to the curl thread (under ``CurlMultiLoop``'s lock),
/// which alone touches the handle and the receive buffers until the transfer finishes. `phase` and
/// `continuation` are only read or written under the loop's lock. Hence `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    /// Where the transfer is in its life; guarded by the loop's lock.
    enum Phase { case created, queued, active, finished }

    let handle: UnsafeMutableRawPointer
    let url: String
    /// Whether this request goes through a proxy (classifies connect failures as proxy failures).
    let usesProxy: Bool
    var phase: Phase = .created
    var continuation: CheckedContinuation<HTTPResponse, any Error>?

    /// Receive state, curl thread only.
    var receivedHeaders = HTTPHeaders()
    var receivedBody = Data()

    var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var isCleanedUp = false

    init(request: HTTPRequest, configuration: CurlTransport.Configuration, timeout: Duration?) throws(TransportError) {
        try CurlGlobal.ensureInitialized()
        url = request.url
        let scheme = URLParts(request.url).scheme
        guard scheme == "http" || scheme == "https" else {
            throw TransportError(
                code: .badURL,
                message: "only absolute http:// and https:// URLs are supported",
                url: request.url
            )
        }
        guard let handle = ccurl_easy_init() else {
            throw TransportError(code: .other, message: "curl_easy_init failed (out of memory?)", url: request.url)
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let proxy = configuration.proxy.proxy(for: request.url)
        usesProxy = proxy != nil
        do {
            try configureConnection(configuration, timeout: timeout, proxy: proxy)
            try configureRequest(request)
            try configureCallbacks()
        } catch {
            cleanUp()
            throw error
        }
    }

    deinit { cleanUp() }

    /// Frees the easy handle, then the header list it referenced. Call only once the handle left the multi.
    func cleanUp() {
        guard !isCleanedUp else { return }
        isCleanedUp = true
        ccurl_easy_cleanup(handle)
        ccurl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failure (`CURLOPT_ERRORBUFFER`), or "".
    var errorBufferText: String { String(cString: errorBuffer) }

    /// Reads a `long` info value (0 if unavailable).
    func info(_ info: CURLINFO) -> Int {
        var value: CLong = 0
        _ = ccurl_easy_getinfo_long(handle, info, &value)
        return value
    }

    /// Whether the connection was ready and the request about to be sent (pre-transfer time recorded).
    var reachedTransferPhase: Bool {
        var microseconds: curl_off_t = 0
        _ = ccurl_easy_getinfo_off_t(handle, CURLINFO_PRETRANSFER_TIME_T, &microseconds)
        return microseconds > 0
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ccurl_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(ccurl_easy_setopt_string(handle, option, value), option)
    }

    func check(_ rc: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard rc != CURLE_OK else { return }
        throw TransportError(
            code: rc == CURLE_UNSUPPORTED_PROTOCOL ? .badURL : .other,
            message: "libcurl rejected option \(option.rawValue): \(String(cString: ccurl_easy_strerror(rc)))",
            url: url,
            curlCode: Int(rc.rawValue)
        )
    }

    private func configureConnection(
        _ configuration: CurlTransport.Configuration,
        timeout: Duration?,
        proxy: String?
    ) throws(TransportError) {
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_PROXY_SSL_VERIFYPEER, 1)
        try set(CURLOPT_PROXY_SSL_VERIFYHOST, 2)
        if let caBundle = configuration.caBundlePath { try set(CURLOPT_CAINFO, caBundle) }
        try set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        try set(CURLOPT_HTTP_CONTENT_DECODING, 0)
        try set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, (timeout ?? configuration.timeout).curlMilliseconds)
        // An empty proxy disables libcurl's own environment lookup: only `configuration.proxy` counts.
        try set(CURLOPT_PROXY, proxy ?? "")
        if let noProxy = configuration.proxy.noProxy { try set(CURLOPT_NOPROXY, noProxy) }
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        try set(CURLOPT_URL, url)
    }
}
