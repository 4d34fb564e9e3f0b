import CCurl
import Foundation

extension CurlTransfer {
    /// Headers libcurl would add on its own; suppressed (sent as `Name:`) unless the request sets them, so the
    /// request goes out with exactly its own header fields plus `Host` and `Content-Length`.
    private static let suppressedDefaults = ["Accept", "Content-Type", "Expect"]

    /// Sets the method, header fields and body.
    func configureRequest(_ request: HTTPRequest) throws(TransportError) {
        try configureMethodAndBody(request)
        var lines: [String] = []
        for field in request.headers {
            guard Self.isValidFieldName(field.name),
                !field.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" })
            else {
                throw TransportError(
                    code: .invalidRequest,
                    message: "header field \"\(field.name)\" has an invalid name or a line break in its value",
                    url: url
                )
            }
            // "Name;" is libcurl's spelling of a header with an empty value ("Name:" would remove it).
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        for name in Self.suppressedDefaults where !request.headers.contains(name: name) {
            lines.append("\(name):")
        }
        for line in lines {
            guard let appended = ccurl_slist_append(headerList, line) else {
                throw TransportError(code: .other, message: "curl_slist_append failed (out of memory?)", url: url)
            }
            headerList = appended
        }
        try check(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)
    }

    private func configureMethodAndBody(_ request: HTTPRequest) throws(TransportError) {
        let method = request.method
        guard !method.isEmpty, method.allSatisfy({ Self.tokenCharacters.contains($0) }) else {
            throw TransportError(code: .invalidRequest, message: "invalid HTTP method \"\(method)\"", url: url)
        }
        if !request.body.isEmpty || method == "POST" {
            // Size first, then COPYPOSTFIELDS: libcurl copies the bytes now, so nothing must outlive this call.
            try check(
                ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)),
                CURLOPT_POSTFIELDSIZE_LARGE
            )
            let rc: CURLcode
            if request.body.isEmpty {
                // A non-null pointer even for an empty body (a null COPYPOSTFIELDS means "read from a callback").
                rc = ccurl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                rc = request.body.withUnsafeBytes { bytes in
                    ccurl_easy_setopt_pointer(
                        handle,
                        CURLOPT_COPYPOSTFIELDS,
                        UnsafeMutableRawPointer(mutating: bytes.baseAddress)
                    )
                }
            }
            try check(rc, CURLOPT_COPYPOSTFIELDS)
            if method != "POST" { try set(CURLOPT_CUSTOMREQUEST, method) }
        } else if method == "GET" {
            try set(CURLOPT_HTTPGET, 1)
        } else if method == "HEAD" {
            try set(CURLOPT_NOBODY, 1)
        } else {
            try set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    /// RFC 9110 `token` characters (method and field names).
    private static let tokenCharacters = Set(
        "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )

    private static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { tokenCharacters.contains($0) }
    }
}
