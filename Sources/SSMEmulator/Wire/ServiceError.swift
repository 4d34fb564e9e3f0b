import Foundation
import HTTPTransport
import RawJSON

/// An AWS-shaped error answer: `{"__type": "Code", "message": "…"}` with its HTTP status.
struct ServiceError: Error, Sendable {
    /// The error code, e.g. `InvocationDoesNotExist`.
    let code: String
    /// The message; `nil` leaves the member out (codes the model gives no members).
    let message: String?
    /// The HTTP status: 400 for client errors, 403 for authentication, 500 for faults.
    let status: Int

    init(_ code: String, _ message: String? = nil, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// The body AWS sends.
    var body: JSONValue {
        var object = JSONObject([JSONMember(key: "__type", value: .string(code))])
        if let message { object.append(key: "message", value: .string(message)) }
        return .object(object)
    }

    /// `ValidationException` for one or more constraint failures, worded as AWS words them
    /// (`1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: …`).
    static func validation(_ problems: [String]) -> ServiceError {
        let count = problems.count == 1 ? "1 validation error detected" : "\(problems.count) validation errors detected"
        return ServiceError("ValidationException", "\(count): \(problems.joined(separator: "; "))")
    }

    /// A member of the wrong JSON type (AWS answers `SerializationException`).
    static func serialization(_ member: String, expected: String) -> ServiceError {
        ServiceError("SerializationException", "Unexpected value for \(member): expected \(expected)")
    }

    static let invocationDoesNotExist = ServiceError("InvocationDoesNotExist")
    static let invalidPluginName = ServiceError("InvalidPluginName")
    static let invalidCommandID = ServiceError("InvalidCommandId")
    static let invalidNextToken = ServiceError("InvalidNextToken", "The specified token is not valid.")
    static let invalidFilterKey = ServiceError("InvalidFilterKey")
}

/// Builds the emulator's HTTP answers: compact JSON, `Content-Type: application/x-amz-json-1.1` and a fresh
/// `x-amzn-RequestId`, as AWS sends them.
enum WireReply {
    static func json(_ body: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [
                "x-amzn-RequestId": UUID().uuidString.lowercased(),
                "Content-Type": "application/x-amz-json-1.1",
            ],
            body: JSONWriter.data(sortedKeys(body))
        )
    }

    static func error(_ error: ServiceError) -> HTTPResponse { json(error.body, status: error.status) }

    /// Members in alphabetical order, as the one raw AWS body on record has them (aws/aws-cli#3707); `__type`
    /// stays first in errors.
    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let members = object.members.map { JSONMember(key: $0.key, value: sortedKeys($0.value)) }
            return .object(
                JSONObject(members.sorted { ($0.key == "__type" ? "" : $0.key) < ($1.key == "__type" ? "" : $1.key) })
            )
        case .array(let items):
            return .array(items.map(sortedKeys))
        default:
            return value
        }
    }
}
