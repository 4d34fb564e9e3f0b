import AWSWire
import Foundation
import HTTPTransport
import LoopbackServer

/// A loopback upstream that answers only requests signed (SigV4, service `ssm`) with its own credentials, the
/// way AWS and the emulator with `--verify-sigv4` do: anything else gets 403 `InvalidSignatureException`.
enum SigV4CheckingUpstream {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDUPSTREAMONLY0001",
        secretAccessKey: "upstream-only-secret-not-real"
    )
    static let region = "us-east-1"
    static let answer = Data(
        #"{"CommandId":"5b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d","InstanceId":"i-0a1b2c3d4e5f60718","Status":"Success","ResponseCode":0,"StandardOutputContent":"hello\n"}"#
            .utf8
    )

    /// The handler: 200 with ``answer`` (and a header the proxy must pass on) for a valid signature.
    static let handler: LoopbackHTTPServer.Handler = { request in
        guard let problem = signatureProblem(request) else {
            return HTTPResponse(
                status: 200,
                headers: [
                    "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "2f4b8c1e-upstream-request-id",
                    "X-Upstream-Order": "b, a",
                ],
                body: answer
            )
        }
        return HTTPResponse(
            status: 403,
            headers: ["Content-Type": "application/x-amz-json-1.1"],
            body: Data(#"{"__type":"InvalidSignatureException","message":"\#(problem)"}"#.utf8)
        )
    }

    /// Why `request`'s signature is not one made with ``credentials``; `nil` when it is.
    static func signatureProblem(_ request: HTTPRequest) -> String? {
        guard let authorization = request.headers["Authorization"],
            let date = request.headers["X-Amz-Date"].flatMap(parseDate)
        else {
            return "missing Authorization or X-Amz-Date"
        }
        guard authorization.contains("Credential=\(credentials.accessKeyID)/") else { return "unknown access key" }
        guard
            let signed = authorization.components(separatedBy: "SignedHeaders=").last?.components(separatedBy: ",")
                .first
        else {
            return "no SignedHeaders"
        }
        let names = Set(signed.split(separator: ";").map(String.init))
        var unsigned = request
        var headers = HTTPHeaders()
        for field in request.headers where names.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        unsigned.headers = headers
        let expected = SigV4Signer(region: region, service: "ssm").signature(
            for: unsigned,
            credentials: credentials,
            date: date
        )
        return expected.authorization == authorization ? nil : "signature does not match"
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
