import AWSWire
import Foundation
import HTTPTransport

extension FuzzTarget {
    /// `AWSErrorDecoder.decode`: any status, `X-Amzn-ErrorType` header and body decode to a service error with a
    /// non-empty code, or to "unreadable" with a reason; never a crash.
    ///
    /// Input layout: byte 0 picks the status (400–599), then up to the first newline the `X-Amzn-ErrorType`
    /// header value (none when the line is empty), then the body.
    static let awsErrorDecoder = FuzzTarget(name: "aws-error-decoder") { bytes in
        guard let first = bytes.first else { return }
        let status = 400 + Int(first) % 200
        let rest = bytes.dropFirst()
        let newline = rest.firstIndex(of: 0x0A) ?? rest.endIndex
        var headers = HTTPHeaders()
        let header = String(decoding: rest[rest.startIndex..<newline], as: UTF8.self)
        if !header.isEmpty { headers.add(name: "X-Amzn-ErrorType", value: header) }
        let body = Data(newline < rest.endIndex ? rest[rest.index(after: newline)...] : [])
        let response = HTTPResponse(status: status, headers: headers, body: body)
        switch AWSErrorDecoder.decode(response, operation: "GetCommandInvocation") {
        case .service(let error):
            require(!error.code.isEmpty, "decoded an error with an empty code")
            require(
                error.statusCode == status,
                "the decoded status \(error.statusCode) is not the response's \(status)"
            )
        case .unreadable(let decodedStatus, let reason):
            require(decodedStatus == status && !reason.isEmpty, "unreadable without a reason, or with the wrong status")
        }
    }
}
