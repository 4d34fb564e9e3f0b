import AWSWire
import Cassettes
import RawJSON

/// What the responses one operation gave in one recording look like — never their values.
///
/// Values that always vary (ids, times, output text, request ids) leave no trace here; what stays is what a client
/// depends on: which members exist (JSON paths, `[*]` for array elements), the JSON type and form of each
/// (`number (exponent)`, `string (ISO-8601 UTC)`), the values of enum-like members (`Status`, `StatusDetails`), the
/// outcomes (`HTTP 200`, `InvalidCommandId (HTTP 400)`), error messages with identifiers masked, and the response
/// header names (volatile ones left out). Two shapes are compared with ``differences(from:file:operation:)``.
public struct ResponseShape: Sendable, Hashable {
    /// Every member path of the 2xx JSON bodies (`$.Command.Status`, `$.CommandInvocations[*].Status`) and the
    /// value kinds seen there (see ``ValueKind``).
    public var members: [String: Set<String>] = [:]
    /// Values seen at enum-like members (``enumMemberNames``), by path.
    public var enumValues: [String: Set<String>] = [:]
    /// The outcomes: `HTTP 200`, `InvalidCommandId (HTTP 400)`, `HTTP 500 (not an AWS error)`.
    public var outcomes: Set<String> = []
    /// Error messages with identifiers masked (``MessagePattern``), by error code.
    public var errorMessages: [String: Set<String>] = [:]
    /// Response header names in lower case, without ``volatileHeaders``.
    public var headerNames: Set<String> = []
    /// How many responses went into the shape.
    public var responses = 0

    /// Member names whose values are compared as an enumeration.
    public static let enumMemberNames: Set<String> = ["Status", "StatusDetails"]

    /// Header names whose presence depends on the request, the connection or the hop, not on the API.
    public static let volatileHeaders: Set<String> = [
        "date", "x-amzn-requestid", "x-amz-request-id", "x-amz-id-2", "x-amz-cf-id", "x-amz-cf-pop", "x-amzn-trace-id",
        "via", "age", "connection", "keep-alive", "transfer-encoding", "content-length",
    ]

    /// An empty shape.
    public init() {}

    /// Adds one response of `operation`.
    public mutating func add(_ response: RecordedResponse, operation: String) {
        responses += 1
        for header in response.headers where !Self.volatileHeaders.contains(header.name.lowercased()) {
            headerNames.insert(header.name.lowercased())
        }
        if (200..<300).contains(response.status) {
            outcomes.insert("HTTP \(response.status)")
            if let body = response.body.json { addMembers(of: body, at: "$") }
            return
        }
        switch AWSErrorDecoder.decode(response.httpResponse, operation: operation) {
        case .service(let error):
            outcomes.insert("\(error.code) (HTTP \(error.statusCode))")
            errorMessages[error.code, default: []].insert(error.message.map(MessagePattern.mask) ?? "(no message)")
        case .unreadable(let status, _):
            outcomes.insert("HTTP \(status) (not an AWS error)")
        }
    }

    /// The shape of every operation in `cassette`, in the order the operations first appear; interactions without
    /// an operation (`X-Amz-Target`) are left out.
    public static func byOperation(_ cassette: Cassette) -> [(operation: String, shape: ResponseShape)] {
        var order: [String] = []
        var shapes: [String: ResponseShape] = [:]
        for interaction in cassette.interactions {
            guard let operation = interaction.operation else { continue }
            if shapes[operation] == nil { order.append(operation) }
            shapes[operation, default: ResponseShape()].add(interaction.response, operation: operation)
        }
        return order.map { ($0, shapes[$0]!) }
    }

    private mutating func addMembers(of value: JSONValue, at path: String) {
        switch value {
        case .object(let object):
            for member in object.members {
                let child = path + Self.pathComponent(member.key)
                members[child, default: []].insert(ValueKind.of(member.value))
                if Self.enumMemberNames.contains(member.key), let text = member.value.stringValue {
                    enumValues[child, default: []].insert(text)
                }
                addMembers(of: member.value, at: child)
            }
        case .array(let elements):
            let child = path + "[*]"
            for element in elements {
                members[child, default: []].insert(ValueKind.of(element))
                addMembers(of: element, at: child)
            }
        default:
            break
        }
    }

    /// `.Name`, or `['odd name']` for keys that are not plain identifiers.
    static func pathComponent(_ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
            }
        return plain ? ".\(key)" : "['\(key.replacingOccurrences(of: "'", with: "\\'"))']"
    }
}
