import Foundation
import HTTPTransport
import RawJSON

/// Reads typed fields and throws ``CassetteError`` naming the file and JSON path.
struct FieldReader {
    let file: String

    func join(_ path: String?, _ key: String) -> String { path.map { "\($0).\(key)" } ?? key }

    func object(_ value: JSONValue, at path: String?) throws(CassetteError) -> JSONObject {
        guard case .object(let object) = value else {
            throw CassetteError(file: file, field: path, problem: "is \(value.typeName.withArticle), not an object", remedy: "fix the field or re-record the cassette")
        }
        return object
    }

    func required(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> JSONValue {
        guard let value = object[key] else {
            throw CassetteError(file: file, field: join(path, key), problem: "is missing", remedy: "add it or re-record the cassette")
        }
        return value
    }

    func string(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> String {
        let value = try required(object, key, at: path)
        guard case .string(let s) = value else {
            throw CassetteError(file: file, field: join(path, key), problem: "is \(value.typeName.withArticle), not a string", remedy: "fix the field or re-record the cassette")
        }
        return s
    }

    func optionalString(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> String? {
        guard object.contains(key: key) else { return nil }
        return try string(object, key, at: path)
    }

    func optionalStrings(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> [String] {
        guard let value = object[key] else { return [] }
        guard case .array(let elements) = value else {
            throw CassetteError(file: file, field: join(path, key), problem: "is \(value.typeName.withArticle), not an array of strings", remedy: "fix the field")
        }
        var result: [String] = []
        for (i, element) in elements.enumerated() {
            guard case .string(let s) = element else {
                throw CassetteError(file: file, field: join(path, key) + "[\(i)]", problem: "is \(element.typeName.withArticle), not a string", remedy: "fix the field")
            }
            result.append(s)
        }
        return result
    }

    func int(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> Int {
        let value = try required(object, key, at: path)
        guard let n = value.intValue else {
            throw CassetteError(file: file, field: join(path, key), problem: "is \(value.typeName == "number" ? "not an integer" : "\(value.typeName.withArticle), not an integer")", remedy: "fix the field or re-record the cassette")
        }
        return n
    }

    func double(_ object: JSONObject, _ key: String, at path: String?) throws(CassetteError) -> Double {
        let value = try required(object, key, at: path)
        guard let d = value.doubleValue else {
            throw CassetteError(file: file, field: join(path, key), problem: "is \(value.typeName.withArticle), not a number", remedy: "fix the field or re-record the cassette")
        }
        return d
    }

    func headers(_ object: JSONObject, at path: String) throws(CassetteError) -> HTTPHeaders {
        let field = join(path, "headers")
        let value = try required(object, "headers", at: path)
        guard case .array(let pairs) = value else {
            throw CassetteError(file: file, field: field, problem: "is \(value.typeName.withArticle), not an array of [name, value] pairs", remedy: "fix the field or re-record the cassette")
        }
        var headers = HTTPHeaders()
        for (i, pair) in pairs.enumerated() {
            guard case .array(let parts) = pair, parts.count == 2,
                case .string(let name) = parts[0], case .string(let value) = parts[1]
            else {
                throw CassetteError(file: file, field: "\(field)[\(i)]", problem: "is not a [name, value] pair of strings", remedy: "fix the field or re-record the cassette")
            }
            headers.add(name: name, value: value)
        }
        return headers
    }

    func body(_ object: JSONObject, at path: String) throws(CassetteError) -> RecordedBody {
        let field = join(path, "body")
        guard let value = object["body"] else {
            throw CassetteError(file: file, field: field, problem: "is missing", remedy: "use null for no body, or {\"json\": …}, {\"text\": …}, {\"base64\": …}")
        }
        if value == .null { return .empty }
        guard case .object(let body) = value, body.count == 1, let member = body.first else {
            throw CassetteError(file: file, field: field, problem: "must be null or an object with exactly one of json, text, base64", remedy: "fix the field or re-record the cassette")
        }
        switch (member.key, member.value) {
        case ("json", let json): return .json(json)
        case ("text", .string(let text)): return .text(text)
        case ("base64", .string(let encoded)):
            guard let data = Data(base64Encoded: encoded) else {
                throw CassetteError(file: file, field: field + ".base64", problem: "is not valid base64", remedy: "fix the field or re-record the cassette")
            }
            return .binary(data)
        default:
            throw CassetteError(file: file, field: "\(field).\(member.key)", problem: "is not a valid body (json: any JSON; text, base64: a string)", remedy: "fix the field or re-record the cassette")
        }
    }
}

extension String {
    /// A JSON type name with its article, for messages: `an array`, `a string`.
    var withArticle: String { (first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + self }
}
