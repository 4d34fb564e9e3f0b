import CCurl
import Foundation

extension CurlTransfer {
    /// Installs the body and header callbacks and the `PRIVATE` back-pointer. The pointer is unretained: the
    /// multi loop's `active` table keeps the transfer alive while libcurl can call back.
    func configureCallbacks() throws(TransportError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_PRIVATE, me), CURLOPT_PRIVATE)
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me), CURLOPT_WRITEDATA)
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me), CURLOPT_HEADERDATA)
        let onBody: curl_write_callback = { bytes, size, count, context in
            guard let bytes, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receivedBody.append(
                UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self),
                count: size * count
            )
            return size * count
        }
        let onHeader: curl_write_callback = { bytes, size, count, context in
            guard let bytes, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            let line = UnsafeRawBufferPointer(start: bytes, count: size * count)
            HeaderLineParser.apply(HeaderLineParser.decode(line), to: &transfer.receivedHeaders)
            return size * count
        }
        try check(ccurl_easy_setopt_write_cb(handle, CURLOPT_WRITEFUNCTION, onBody), CURLOPT_WRITEFUNCTION)
        try check(ccurl_easy_setopt_write_cb(handle, CURLOPT_HEADERFUNCTION, onHeader), CURLOPT_HEADERFUNCTION)
    }

    /// The response once the transfer finished with `CURLE_OK`.
    func makeResponse() -> HTTPResponse {
        HTTPResponse(status: info(CURLINFO_RESPONSE_CODE), headers: receivedHeaders, body: receivedBody)
    }
}

/// Turns the header lines libcurl delivers (one call per line, CRLF included) into ``HTTPHeaders``.
enum HeaderLineParser {
    /// Applies one raw line: a status line (`HTTP/1.1 100 Continue`, `HTTP/2 200`) starts a new response
    /// and drops the fields collected so far, `Name: value` appends a field (value without surrounding
    /// blanks), a line starting with a blank continues the previous value (obsolete folding), and the empty
    /// line ending the head is ignored.
    static func apply(_ raw: String, to headers: inout HTTPHeaders) {
        var scalars = Substring(raw).unicodeScalars
        while let last = scalars.last, last == "\r" || last == "\n" { scalars.removeLast() }
        let line = Substring(scalars)
        if line.isEmpty { return }
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
        } else if line.first == " " || line.first == "\t" {
            guard let last = headers.last else { return }
            var fields = headers.fields
            fields[fields.count - 1].value = last.value + " " + line.trimmingCharacters(in: .whitespaces)
            headers = HTTPHeaders(fields)
        } else if let colon = line.firstIndex(of: ":") {
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: String(line[..<colon]), value: value)
        }
    }

    /// UTF-8 when valid, else ISO-8859-1 (so no byte is ever lost or replaced).
    static func decode(_ raw: UnsafeRawBufferPointer) -> String {
        String(validating: raw, as: UTF8.self) ?? String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
    }
}
