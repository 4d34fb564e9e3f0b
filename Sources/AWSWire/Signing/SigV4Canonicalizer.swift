import Crypto
import Foundation
import HTTPTransport

/// Builds the SigV4 canonical request: method, normalized URI-encoded path, sorted query, canonical headers,
/// signed header list and payload hash.
enum SigV4Canonicalizer {
    struct Result {
        let text: String
        let signedHeaders: String
    }

    static func canonicalRequest(for request: HTTPRequest) -> Result {
        let parts = URLParts(request.url)
        var headers: [(name: String, value: String)] = []
        var order: [String] = []
        var values: [String: [String]] = [:]
        for field in request.headers {
            let name = field.name.lowercased()
            guard !SigV4Signer.unsignedHeaders.contains(name) else { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(collapseWhitespace(field.value))
        }
        if values["host"] == nil {
            order.append("host")
            values["host"] = [parts.hostHeader]
        }
        for name in order { headers.append((name, values[name]!.joined(separator: ","))) }
        headers.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        let signedHeaders = headers.map(\.name).joined(separator: ";")
        let text = [
            request.method.uppercased(),
            canonicalPath(parts.path),
            canonicalQuery(parts.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            SigV4Signer.hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
        return Result(text: text, signedHeaders: signedHeaders)
    }

    /// Trims and collapses runs of whitespace (spaces, tabs, line breaks) to one space.
    static func collapseWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// Removes dot segments and empty segments, keeps a trailing slash, and URI-encodes each segment.
    static func canonicalPath(_ rawPath: String) -> String {
        let path = rawPath.isEmpty ? "/" : rawPath
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            switch segment {
            case ".": continue
            case "..": if !output.isEmpty { output.removeLast() }
            default: output.append(segment)
            }
        }
        let last = segments.last
        let trailingSlash = path.hasSuffix("/") || last == "." || last == ".."
        var result = "/" + output.map { uriEncode(percentDecode(String($0))) }.joined(separator: "/")
        if trailingSlash && !output.isEmpty { result += "/" }
        return result
    }

    /// Decodes, re-encodes and sorts `key=value` pairs by key, then value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = uriEncode(percentDecode(String(parts[0]).replacingOccurrences(of: "+", with: " ")))
            let value =
                parts.count > 1
                ? uriEncode(percentDecode(String(parts[1]).replacingOccurrences(of: "+", with: " "))) : ""
            return (key, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(
            separator: "&"
        )
    }

    /// Percent-encodes every byte except the RFC 3986 unreserved characters, with upper-case hex.
    static func uriEncode(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; malformed escapes are kept as written.
    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
                let low = hexValue(bytes[i + 2])
            {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
