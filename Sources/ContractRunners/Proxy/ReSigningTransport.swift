import AWSWire
import Foundation
import HTTPTransport

/// Sends each request upstream signed afresh with the proxy's own credentials (SigV4 for the upstream's host),
/// without the SDK's signature and security token: SigV4 covers `Host`, so the SDK's signature, made for the
/// proxy's address, can never be valid upstream.
struct ReSigningTransport: HTTPTransport {
    /// The header fields of the SDK's signature, removed before signing.
    static let signatureHeaders: Set<String> = [
        "authorization", "x-amz-security-token", "x-amz-date", "x-amz-content-sha256",
    ]

    let upstream: any HTTPTransport
    let signer: SigV4Signer
    let credentials: AWSCredentials
    let clock: @Sendable () -> Date

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var unsigned = request
        var headers = HTTPHeaders()
        for field in request.headers where !Self.signatureHeaders.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        unsigned.headers = headers
        return try await upstream.send(signer.sign(unsigned, credentials: credentials, date: clock()))
    }
}
