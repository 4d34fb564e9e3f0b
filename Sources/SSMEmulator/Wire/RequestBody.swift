import RawJSON

/// An awsJson1_1 request body with typed member access; a member of the wrong type is a
/// `SerializationException`, as AWS answers it.
struct RequestBody: Sendable {
    let object: JSONObject

    init(_ data: [UInt8]) throws(ServiceError) {
        if data.isEmpty {
            object = JSONObject()
            return
        }
        guard let parsed = try? JSONParser.parse(data), let object = parsed.objectValue else {
            throw ServiceError("SerializationException", "Start of structure or map found where not expected.")
        }
        self.object = object
    }

    func has(_ name: String) -> Bool { object[name].map { !$0.isNull } ?? false }

    func string(_ name: String) throws(ServiceError) -> String? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .serialization(name, expected: "a string") }
        return text
    }

    func int(_ name: String) throws(ServiceError) -> Int? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let number = value.intValue else { throw .serialization(name, expected: "an integer") }
        return number
    }

    func bool(_ name: String) throws(ServiceError) -> Bool? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw .serialization(name, expected: "a boolean") }
        return flag
    }

    func strings(_ name: String) throws(ServiceError) -> [String]? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw .serialization(name, expected: "a list of strings") }
        var out: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw .serialization(name, expected: "a list of strings") }
            out.append(text)
        }
        return out
    }

    /// `Parameters`: a map of string lists.
    func parameters(_ name: String) throws(ServiceError) -> [String: [String]] {
        guard let value = object[name], !value.isNull else { return [:] }
        guard let map = value.objectValue else { throw .serialization(name, expected: "a map of string lists") }
        var out: [String: [String]] = [:]
        for member in map.members {
            guard let items = member.value.arrayValue else {
                throw .serialization("\(name).\(member.key)", expected: "a list of strings")
            }
            var values: [String] = []
            for item in items {
                guard let text = item.stringValue else {
                    throw .serialization("\(name).\(member.key)", expected: "a list of strings")
                }
                values.append(text)
            }
            out[member.key] = values
        }
        return out
    }

    /// `Filters`: `[{"key": K, "value": V}]` (lower-case member names on the wire).
    func filters(_ name: String, valueName: String = "value") throws(ServiceError) -> [(key: String, value: String)]? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw .serialization(name, expected: "a list of filters") }
        var out: [(key: String, value: String)] = []
        for item in items {
            guard let key = item["key"]?.stringValue, let text = item[valueName]?.stringValue else {
                throw .serialization(name, expected: "filters with string key and \(valueName)")
            }
            out.append((key, text))
        }
        return out
    }
}
