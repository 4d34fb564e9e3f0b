import AWSWire
import Foundation
import HTTPTransport

/// Checks a request's SigV4 `Authorization` header against known credentials, answering as AWS does: 403
/// `UnrecognizedClientException` for an access key it does not know (or a session token that does not go with
/// it), 403 `InvalidSignatureException` for a signature that does not match, a scope for another service or a
/// date more than 5 minutes away, and 400 `MissingAuthenticationTokenException` for an unsigned request.
///
/// The signature is recomputed with ``AWSWire/SigV4Signer`` over exactly the headers the client signed.
struct SigV4Verifier: Sendable {
    let credentials: [AWSCredentials]
    let clock: @Sendable () -> Date

    static let unknownKey = ServiceError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        status: 403
    )
    static let badSignature = ServiceError(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        status: 403
    )

    /// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header.
    struct Authorization {
        let accessKeyID: String
        let day: String
        let region: String
        let service: String
        let signedHeaders: [String]
        let signature: String

        init?(_ header: String) {
            guard header.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
                let signature = fields["Signature"]
            else {
                return nil
            }
            let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard scope.count == 5, scope[4] == "aws4_request" else { return nil }
            (accessKeyID, day, region, service) = (scope[0], scope[1], scope[2], scope[3])
            signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
            self.signature = signature
        }
    }

    /// `nil` when the request is signed by one of the credentials, else the error AWS answers.
    func problem(with request: HTTPRequest) -> ServiceError? {
        guard let header = request.headers["Authorization"] else {
            return ServiceError("MissingAuthenticationTokenException", "Missing Authentication Token")
        }
        guard let authorization = Authorization(header) else {
            return ServiceError(
                "IncompleteSignatureException",
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=\(header.prefix(16))…"
            )
        }
        guard let known = credentials.first(where: { $0.accessKeyID == authorization.accessKeyID }) else {
            return Self.unknownKey
        }
        if request.headers["X-Amz-Security-Token"] != known.sessionToken { return Self.unknownKey }
        guard authorization.service == "ssm" else {
            return ServiceError(
                "InvalidSignatureException",
                "Credential should be scoped to correct service: 'ssm'. ",
                status: 403
            )
        }
        guard let stamp = request.headers["X-Amz-Date"], let date = Self.date(stamp), stamp.hasPrefix(authorization.day)
        else {
            return Self.badSignature
        }
        let now = clock()
        if abs(now.timeIntervalSince(date)) > 300 {
            let earliest = SigV4Signer.amzDate(now.addingTimeInterval(-300))
            return ServiceError(
                "InvalidSignatureException",
                "Signature expired: \(stamp) is now earlier than \(earliest) (\(SigV4Signer.amzDate(now)) - 5 min.)",
                status: 403
            )
        }
        var signed = request
        signed.headers = HTTPHeaders(
            request.headers.filter { authorization.signedHeaders.contains($0.name.lowercased()) }
        )
        let expected = SigV4Signer(region: authorization.region, service: authorization.service)
            .signature(for: signed, credentials: known, date: date)
        return expected.signature == authorization.signature ? nil : Self.badSignature
    }

    /// Parses `yyyyMMdd'T'HHmmss'Z'`.
    static func date(_ stamp: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: stamp)
    }
}
