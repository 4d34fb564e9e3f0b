import Foundation
import RawJSON

/// A request or response body as stored in a cassette.
///
/// A body that is JSON and whose compact serialization reproduces the received bytes exactly is stored as JSON
/// (readable, diffable); anything else is stored as text, or base64 when it is not UTF-8. Replaying therefore
/// always yields the recorded bytes.
public enum RecordedBody: Sendable, Hashable {
    /// No body.
    case empty
    /// A JSON body; its bytes are the compact serialization of the value.
    case json(JSONValue)
    /// A UTF-8 body that is not stored as JSON.
    case text(String)
    /// A body that is not valid UTF-8.
    case binary(Data)

    /// Chooses the storage form for received bytes (see the type's discussion).
    public init(capturing data: Data) {
        if data.isEmpty {
            self = .empty
            return
        }
        let bytes = [UInt8](data)
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let value = try? JSONParser.parse(bytes),
            JSONWriter.bytes(value) == bytes
        {
            self = .json(value)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            self = .text(text)
        } else {
            self = .binary(data)
        }
    }

    /// The bytes this body stands for.
    public var data: Data {
        switch self {
        case .empty: Data()
        case .json(let value): JSONWriter.data(value)
        case .text(let text): Data(text.utf8)
        case .binary(let data): data
        }
    }

    /// The body parsed as JSON: the stored value, or a parse of text; `nil` when it is not JSON.
    public var json: JSONValue? {
        switch self {
        case .json(let value): value
        case .text(let text): try? JSONParser.parse(text)
        default: nil
        }
    }
}
