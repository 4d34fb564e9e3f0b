import Foundation
import HTTPTransport
import RawJSON

extension JSONValue {
    /// The value with `transform` applied to every string value (object keys and numbers untouched); the
    /// value itself, not a rebuilt copy, when no string changes.
    func mappingStrings(_ transform: (String) -> String) -> JSONValue {
        changingStrings(transform) ?? self
    }

    /// The value with `transform` applied to every string value, or `nil` when none changes.
    private func changingStrings(_ transform: (String) -> String) -> JSONValue? {
        switch self {
        case .string(let s):
            let changed = transform(s)
            return changed == s ? nil : .string(changed)
        case .array(let elements):
            var result: [JSONValue]?
            for (i, element) in elements.enumerated() {
                guard let changed = element.changingStrings(transform) else { continue }
                if result == nil { result = elements }
                result![i] = changed
            }
            return result.map { .array($0) }
        case .object(let object):
            var result: [JSONMember]?
            for (i, member) in object.members.enumerated() {
                guard let changed = member.value.changingStrings(transform) else { continue }
                if result == nil { result = object.members }
                result![i] = JSONMember(key: member.key, value: changed)
            }
            return result.map { .object(JSONObject($0)) }
        default: return nil
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
