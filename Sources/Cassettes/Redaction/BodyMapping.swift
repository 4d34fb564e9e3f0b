import Foundation
import HTTPTransport
import RawJSON

extension JSONValue {
    /// The value with `transform` applied to every string value (object keys and numbers untouched).
    func mappingStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let s): .string(transform(s))
        case .array(let elements): .array(elements.map { $0.mappingStrings(transform) })
        case .object(let object):
            .object(
                JSONObject(object.members.map { JSONMember(key: $0.key, value: $0.value.mappingStrings(transform)) })
            )
        default: self
        }
    }
}

extension RecordedBody {
    /// The body with `text` applied to its text (JSON string values, or the whole text body) and `bytes` to a
    /// binary body. A changed text or binary body is captured again, so the storage rule still holds.
    func mapping(text: (String) -> String, bytes: (Data) -> Data) -> RecordedBody {
        switch self {
        case .empty: return .empty
        case .json(let value): return .json(value.mappingStrings(text))
        case .text(let original):
            let changed = text(original)
            return changed == original ? self : RecordedBody(capturing: Data(changed.utf8))
        case .binary(let original):
            let changed = bytes(original)
            return changed == original ? self : RecordedBody(capturing: changed)
        }
    }
}

extension HTTPHeaders {
    /// The headers with `transform(name, value)` applied to each value, order and names kept.
    func mappingValues(_ transform: (String, String) -> String) -> HTTPHeaders {
        HTTPHeaders(map { HTTPHeader(name: $0.name, value: transform($0.name, $0.value)) })
    }
}
