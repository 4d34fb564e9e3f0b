import Crypto
import Foundation
import HTTPTransport

/// Signs HTTP requests with AWS Signature Version 4 (header form, `AWS4-HMAC-SHA256`).
///
/// Every header present when signing is signed, except the hop-by-hop and volatile headers botocore never
/// signs (``unsignedHeaders``). The `Host` header is signed as sent; when the request has none, the value is
/// derived from the URL the way curl derives it (`host:port` for a non-default port). Paths are normalized
/// (dot segments and repeated slashes removed) because SSM is not S3.
///
/// ```swift
/// let signer = SigV4Signer(region: "us-east-1", service: "ssm")
/// let signed = signer.sign(request, credentials: credentials, date: clock.now)
/// ```
public struct SigV4Signer: Sendable, Hashable {
    /// The region in the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The signing name of the service, e.g. `ssm`.
    public var service: String

    /// Headers never signed (lower case): botocore's `SIGNED_HEADERS_BLACKLIST`.
    public static let unsignedHeaders: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id", "authorization",
    ]

    /// Creates a signer for one region and service.
    public init(region: String, service: String) {
        self.region = region
        self.service = service
    }

    /// Returns `request` with `X-Amz-Date`, `X-Amz-Security-Token` (when the credentials have a session token)
    /// and `Authorization` set. Existing values of those headers are replaced.
    public func sign(_ request: HTTPRequest, credentials: AWSCredentials, date: Date) -> HTTPRequest {
        var request = request
        request.headers.remove(name: "Authorization")
        request.headers.replaceOrAdd(name: "X-Amz-Date", value: Self.amzDate(date))
        if let token = credentials.sessionToken {
            request.headers.replaceOrAdd(name: "X-Amz-Security-Token", value: token)
        }
        let signature = signature(for: request, credentials: credentials, date: date)
        request.headers.add(name: "Authorization", value: signature.authorization)
        return request
    }

    /// Computes the signature of `request` as it is, without adding any header (the suite's `.creq`, `.sts`
    /// and `.authz` correspond to ``SigV4Signature/canonicalRequest``, ``SigV4Signature/stringToSign`` and
    /// ``SigV4Signature/authorization``).
    public func signature(for request: HTTPRequest, credentials: AWSCredentials, date: Date) -> SigV4Signature {
        let canonical = SigV4Canonicalizer.canonicalRequest(for: request)
        let amzDate = Self.amzDate(date)
        let day = String(amzDate.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(canonical.text.utf8))),
        ].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: canonical.signedHeaders,
            authorization: authorization
        )
    }

    /// The `X-Amz-Date` form of a date: `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            c.year ?? 0,
            c.month ?? 0,
            c.day ?? 0,
            c.hour ?? 0,
            c.minute ?? 0,
            c.second ?? 0
        )
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The intermediate and final values of one SigV4 signature (for debugging `InvalidSignatureException`).
public struct SigV4Signature: Sendable, Hashable {
    /// The canonical request.
    public let canonicalRequest: String
    /// The string to sign.
    public let stringToSign: String
    /// The hex signature.
    public let signature: String
    /// The `;`-separated signed header names.
    public let signedHeaders: String
    /// The `Authorization` header value.
    public let authorization: String
}
