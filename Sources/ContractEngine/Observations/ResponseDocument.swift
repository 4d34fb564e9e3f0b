import AWSWire
import Foundation
import HTTPTransport
import RawJSON

/// Reads one response body as given to `ssm-contract check`: raw wire JSON, JSON printed by AWS CLI v1 or v2
/// (pretty, keys in any order, timestamps as numbers or ISO-8601 strings), an error body (`{"__type": …}`),
/// or the AWS CLI's error line (`An error occurred (Code) when calling the Op operation: message`).
public enum ResponseDocument {
    /// Builds the observation for `bytes`, read from `file`.
    public static func observation(
        _ bytes: [UInt8],
        operation: String,
        request: JSONValue?,
        file: String
    ) throws(InputError) -> Observation {
        let location = ObservationLocation(file: file)
        func make(_ body: Observation.Body) -> Observation {
            Observation(
                operation: operation,
                request: request.map { JSONTape($0).root },
                status: nil,
                body: body,
                time: nil,
                location: location,
                target: "input"
            )
        }
        guard bytes.contains(where: { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x0D) || ($0 == 0x09)) }) else {
            throw InputError(file: file, problem: "is empty; give a response body (JSON)")
        }
        let value: JSONTape.Value
        do {
            value = try JSONTape.parse(bytes).root
        } catch {
            let text = String(decoding: bytes, as: UTF8.self)
            if let cliError = cliErrorLine(text, operation: operation) { return make(.error(cliError)) }
            let head = text.prefix(300).lowercased()
            if head.contains("<html") || head.contains("<!doctype") {
                throw InputError(
                    file: file,
                    problem: "is an HTML page, not an SSM response; save the response body (JSON) and check that"
                )
            }
            if looksLikeCLITextOrTable(text) {
                throw InputError(
                    file: file,
                    problem:
                        "looks like AWS CLI --output text or table output, which has no member names; run the CLI again with --output json"
                )
            }
            throw InputError(file: file, problem: "is not valid JSON: \(error)")
        }
        guard value.kind == .object else {
            throw InputError(file: file, problem: "is a JSON \(value.typeName), not a response object")
        }
        let object = value
        if let raw = (object["__type"] ?? object["code"])?.stringValue {
            let message = object["message"]?.stringValue ?? object["Message"]?.stringValue
            return make(
                .error(
                    AWSServiceError(
                        code: AWSErrorDecoder.sanitize(raw),
                        message: message,
                        statusCode: 0,
                        requestID: nil,
                        operation: operation
                    )
                )
            )
        }
        return make(.json(value))
    }

    /// Whether `text` (not JSON) is what the AWS CLI prints with `--output text` (tab-separated values) or
    /// `--output table` (a box of `-` and `|`).
    static func looksLikeCLITextOrTable(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first, !"{[\"".contains(first.first!) else { return false }
        let table = first.hasPrefix("--") && lines.dropFirst().contains { $0.hasPrefix("|") && $0.hasSuffix("|") }
        let tabbed = lines.allSatisfy { $0.contains("\t") }
        return table || tabbed
    }

    /// Parses `An error occurred (Code) when calling the Op operation: message` (AWS CLI standard error).
    static func cliErrorLine(_ text: String, operation: String) -> AWSServiceError? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let start = trimmed.range(of: "An error occurred ("),
            let close = trimmed.range(of: ")", range: start.upperBound..<trimmed.endIndex)
        else { return nil }
        let code = String(trimmed[start.upperBound..<close.lowerBound])
        var message: String?
        if let colon = trimmed.range(of: "operation:", range: close.upperBound..<trimmed.endIndex) {
            message = trimmed[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        guard !code.isEmpty, !code.contains(" ") else { return nil }
        return AWSServiceError(code: code, message: message, statusCode: 0, requestID: nil, operation: operation)
    }

    /// Reads a request file for `--request`: a JSON object with the operation's input members.
    public static func request(_ bytes: [UInt8], file: String) throws(InputError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputError(file: file, problem: "is not valid JSON: \(error)")
        }
        guard case .object = value else {
            throw InputError(
                file: file,
                problem: "is a JSON \(value.typeName), not a request object like {\"CommandId\": …}"
            )
        }
        return value
    }
}
