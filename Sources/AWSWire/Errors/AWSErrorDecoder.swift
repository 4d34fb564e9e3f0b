import Foundation
import HTTPTransport
import RawJSON

/// Decodes awsJson1_1 error responses by the Smithy rules.
///
/// The code comes from the `X-Amzn-ErrorType` header, else a top-level `code` member, else a top-level `__type`
/// member (a nested `__type` never counts). It is sanitized: text after the first `:` is dropped, then text up to
/// the first `#`. The message is `message` or `Message` when present. A body that is not a JSON object (an HTML
/// page from a proxy or from a mock that does not implement the operation, a truncated body) never crashes the
/// decoder: with an `X-Amzn-ErrorType` header the header still gives the code, otherwise the outcome is
/// ``Outcome/unreadable(status:reason:)``.
public enum AWSErrorDecoder {
    /// The outcome of decoding an error response.
    public enum Outcome: Sendable, Hashable {
        /// A well-formed AWS error.
        case service(AWSServiceError)
        /// The body is not a JSON object (an HTML page from a proxy, a truncated body): `reason` says why.
        case unreadable(status: Int, reason: String)
    }

    /// Removes a `namespace#` prefix and a `:url` suffix: `aws.ssm#InvalidCommandId:http://…` → `InvalidCommandId`.
    public static func sanitize(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.firstIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code).trimmingCharacters(in: .whitespaces)
    }

    /// Decodes a non-2xx response.
    public static func decode(_ response: HTTPResponse, operation: String?) -> Outcome {
        let requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        let headerCode = response.headers["X-Amzn-ErrorType"].map(sanitize).flatMap { $0.isEmpty ? nil : $0 }
        // A body that is not an error object still names the error when the header does.
        func headerOnly(_ code: String) -> Outcome {
            .service(
                AWSServiceError(
                    code: code,
                    message: nil,
                    statusCode: response.status,
                    requestID: requestID,
                    operation: operation
                )
            )
        }
        let body: JSONObject?
        if response.body.isEmpty {
            body = nil
        } else {
            switch Result(catching: { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(response.body) }) {
            case .success(.object(let object)): body = object
            case .success(let other):
                if let headerCode { return headerOnly(headerCode) }
                return .unreadable(
                    status: response.status,
                    reason: "the body is a JSON \(other.typeName), not an error object"
                )
            case .failure(let error):
                if let headerCode { return headerOnly(headerCode) }
                return .unreadable(status: response.status, reason: describeNonJSON(response, error: error))
            }
        }
        let bodyCode = [body?["code"]?.stringValue, body?["__type"]?.stringValue]
            .compactMap { $0.map(sanitize) }.first { !$0.isEmpty }
        guard let code = headerCode ?? bodyCode else {
            return .unreadable(
                status: response.status,
                reason: body == nil
                    ? "the body is empty and there is no X-Amzn-ErrorType header"
                    : "the body has no __type or code member"
            )
        }
        let message = body?["message"]?.stringValue ?? body?["Message"]?.stringValue
        return .service(
            AWSServiceError(
                code: code,
                message: message,
                statusCode: response.status,
                requestID: requestID,
                operation: operation
            )
        )
    }

    private static func describeNonJSON(_ response: HTTPResponse, error: JSONParseError) -> String {
        let contentType = response.headers["Content-Type"] ?? "no content type"
        let head = String(decoding: response.body.prefix(200), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype") {
            return "the body is an HTML page (\(contentType)), not an AWS JSON error"
        }
        return "the body is not JSON (\(contentType)): \(error)"
    }
}
