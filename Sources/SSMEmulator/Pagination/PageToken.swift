import Foundation
import RawJSON

/// An opaque NextToken: the position of the next page and a fingerprint of the request it belongs to, so a token
/// used with another listing (or edited) is refused with `InvalidNextToken`, as AWS refuses it.
struct PageToken: Sendable, Hashable {
    let offset: Int
    let fingerprint: UInt64

    /// The token text (URL-safe base64, like the long opaque tokens AWS hands out).
    var text: String {
        let raw = Data("ssm-emulator:v1:\(offset):\(String(fingerprint, radix: 16))".utf8).base64EncodedString()
        return raw.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// Reads a token; `nil` when it is not one of ours or belongs to another request.
    init?(text: String, fingerprint expected: UInt64) {
        let standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard let data = Data(base64Encoded: standard), let decoded = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = decoded.split(separator: ":")
        guard parts.count == 4, parts[0] == "ssm-emulator", parts[1] == "v1", let offset = Int(parts[2]), offset > 0,
            let fingerprint = UInt64(parts[3], radix: 16), fingerprint == expected
        else { return nil }
        self.offset = offset
        self.fingerprint = fingerprint
    }

    init(offset: Int, fingerprint: UInt64) {
        self.offset = offset
        self.fingerprint = fingerprint
    }

    /// FNV-1a over the request's members other than `NextToken` and `MaxResults` (a listing keeps its token
    /// across page sizes, as the CLI's `--page-size` does).
    static func fingerprint(operation: String, body: RequestBody) -> UInt64 {
        let members = body.object.members.filter { $0.key != "NextToken" && $0.key != "MaxResults" }
            .sorted { $0.key < $1.key }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(operation.utf8) + JSONWriter.bytes(.object(JSONObject(members))) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// One page of a listing, with `MaxResults` validated the way AWS words it.
struct Page<Item> {
    let items: [Item]
    let next: PageToken?

    /// Cuts `items` at the request's position.
    ///
    /// - Throws: `ValidationException` for MaxResults outside `range`, `InvalidNextToken` for a foreign token.
    static func cut(
        _ items: [Item],
        body: RequestBody,
        operation: String,
        range: ClosedRange<Int>,
        defaultSize: Int,
        repeatsFirstPage: Bool = false
    ) throws(ServiceError) -> Page<Item> {
        let size = try body.int("MaxResults") ?? defaultSize
        if size < range.lowerBound {
            throw .validation([
                "Value '\(size)' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to \(range.lowerBound)"
            ])
        }
        if size > range.upperBound {
            throw .validation([
                "Value '\(size)' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to \(range.upperBound)"
            ])
        }
        let fingerprint = PageToken.fingerprint(operation: operation, body: body)
        var offset = 0
        if let text = try body.string("NextToken") {
            guard let token = PageToken(text: text, fingerprint: fingerprint) else { throw .invalidNextToken }
            offset = token.offset
        }
        let start = min(offset, items.count)
        let end = min(start + size, items.count)
        let shown = repeatsFirstPage && start > 0 ? Array(items.prefix(end - start)) : Array(items[start..<end])
        return Page(items: shown, next: end < items.count ? PageToken(offset: end, fingerprint: fingerprint) : nil)
    }
}
