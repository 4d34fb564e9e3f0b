import CCurl
import Foundation

extension TransportError.Code {
    /// The transport error code for a failed libcurl transfer.
    ///
    /// - Parameters:
    ///   - curlCode: the transfer's result.
    ///   - detail: libcurl's `CURLOPT_ERRORBUFFER` text.
    ///   - usesProxy: whether the request went through a proxy (a failed connect then means the proxy).
    ///   - connected: whether the connection was ready before the failure (`CURLINFO_PRETRANSFER_TIME_T` > 0);
    ///     tells a connect timeout from a total timeout.
    static func forCurl(_ curlCode: CURLcode, detail: String, usesProxy: Bool, connected: Bool) -> TransportError.Code {
        switch curlCode {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .badURL
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_PROXY:
            return .proxy
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dnsFailure
        case CURLE_COULDNT_CONNECT:
            return usesProxy ? .proxy : .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            // Before the connection was ready (DNS, TCP, TLS, proxy tunnel) it is the connect timeout.
            return connected ? .timeout : .connectTimeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CLIENTCERT:
            return .tls
        case CURLE_RECV_ERROR where usesProxy && detail.contains("CONNECT"):
            return .proxy
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connectionReset
        default:
            return .other
        }
    }
}

extension TransportError {
    /// The error for a transfer that finished with `curlCode`, with libcurl's detailed message.
    init(curlCode: CURLcode, detail: String, url: String, usesProxy: Bool, connected: Bool) {
        let summary = String(cString: ccurl_easy_strerror(curlCode))
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(
            code: .forCurl(curlCode, detail: detail, usesProxy: usesProxy, connected: connected),
            message: detail.isEmpty ? summary : detail,
            url: url,
            curlCode: Int(curlCode.rawValue)
        )
    }
}
