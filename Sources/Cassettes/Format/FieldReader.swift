import Foundation
import HTTPTransport
import RawJSON

/// Reads typed fields of a parsed document (values on its ``JSONTape``) and throws ``CassetteError`` naming the
/// file and JSON path.
struct FieldReader {
    typealias Value = JSONTape.Value

    let file: String

    func join(_ path: String?, _ key: String) -> String { path.map { "\($0).\(key)" } ?? key }

    /// `value`, checked to be an object.
    func object(_ value: Value, at path: @autoclosure () -> String?) throws(CassetteError) -> Value {
        guard value.kind == .object else {
            throw CassetteError(
                file: file,
                field: path(),
                problem: "is \(value.typeName.withArticle), not an object",
                remedy: "fix the field or re-record the cassette"
            )
        }
        return value
    }

    func required(_ object: Value, _ key: String, at path: @autoclosure () -> String?) throws(CassetteError) -> Value {
        guard let value = object[key] else {
            throw CassetteError(
                file: file,
                field: join(path(), key),
                problem: "is missing",
                remedy: "add it or re-record the cassette"
            )
        }
        return value
    }

    func string(_ object: Value, _ key: String, at path: @autoclosure () -> String?) throws(CassetteError) -> String {
        try stringValue(object, key, at: path()).stringValue!
    }

    /// The member, checked to be a string (not decoded).
    func stringValue(_ object: Value, _ key: String, at path: @autoclosure () -> String?) throws(CassetteError) -> Value
    {
        let value = try required(object, key, at: path())
        guard value.kind == .string else {
            throw CassetteError(
                file: file,
                field: join(path(), key),
                problem: "is \(value.typeName.withArticle), not a string",
                remedy: "fix the field or re-record the cassette"
            )
        }
        return value
    }

    func optionalString(
        _ object: Value,
        _ key: String,
        at path: @autoclosure () -> String?
    ) throws(CassetteError) -> String? {
        guard object[key] != nil else { return nil }
        return try string(object, key, at: path())
    }

    func optionalStrings(
        _ object: Value,
        _ key: String,
        at path: @autoclosure () -> String?
    ) throws(CassetteError) -> [String] {
        guard let value = object[key] else { return [] }
        guard value.kind == .array else {
            throw CassetteError(
                file: file,
                field: join(path(), key),
                problem: "is \(value.typeName.withArticle), not an array of strings",
                remedy: "fix the field"
            )
        }
        var result: [String] = []
        for (i, element) in (value.arrayValue ?? []).enumerated() {
            guard let s = element.stringValue else {
                throw CassetteError(
                    file: file,
                    field: join(path(), key) + "[\(i)]",
                    problem: "is \(element.typeName.withArticle), not a string",
                    remedy: "fix the field"
                )
            }
            result.append(s)
        }
        return result
    }

    func int(_ object: Value, _ key: String, at path: @autoclosure () -> String?) throws(CassetteError) -> Int {
        let value = try required(object, key, at: path())
        guard let n = value.intValue else {
            throw CassetteError(
                file: file,
                field: join(path(), key),
                problem:
                    "is \(value.typeName == "number" ? "not an integer" : "\(value.typeName.withArticle), not an integer")",
                remedy: "fix the field or re-record the cassette"
            )
        }
        return n
    }

    func double(_ object: Value, _ key: String, at path: @autoclosure () -> String?) throws(CassetteError) -> Double {
        let value = try required(object, key, at: path())
        guard let d = value.doubleValue else {
            throw CassetteError(
                file: file,
                field: join(path(), key),
                problem: "is \(value.typeName.withArticle), not a number",
                remedy: "fix the field or re-record the cassette"
            )
        }
        return d
    }

    /// The `headers` member, checked to be an array of `[name, value]` string pairs (read with
    /// ``StoredHeaders``).
    func headers(_ object: Value, at path: @autoclosure () -> String) throws(CassetteError) -> StoredHeaders {
        func field() -> String { join(path(), "headers") }
        let value = try required(object, "headers", at: path())
        guard value.kind == .array else {
            throw CassetteError(
                file: file,
                field: field(),
                problem: "is \(value.typeName.withArticle), not an array of [name, value] pairs",
                remedy: "fix the field or re-record the cassette"
            )
        }
        var bad: Int?
        var i = 0
        value.forEachElement { pair in
            if bad == nil,
                !(pair.kind == .array && pair.count == 2 && pair[0]!.kind == .string && pair[1]!.kind == .string)
            {
                bad = i
            }
            i += 1
        }
        if let bad {
            throw CassetteError(
                file: file,
                field: "\(field())[\(bad)]",
                problem: "is not a [name, value] pair of strings",
                remedy: "fix the field or re-record the cassette"
            )
        }
        return StoredHeaders(pairs: value)
    }

    func body(_ object: Value, at path: @autoclosure () -> String) throws(CassetteError) -> StoredBody {
        func field() -> String { join(path(), "body") }
        guard let value = object["body"] else {
            throw CassetteError(
                file: file,
                field: field(),
                problem: "is missing",
                remedy: "use null for no body, or {\"json\": …}, {\"text\": …}, {\"base64\": …}"
            )
        }
        if value.isNull { return .empty }
        var only: (name: String, value: Value)?
        value.forEachMember { name, member in only = (name.stringValue!, member) }
        guard value.kind == .object, value.count == 1, let member = only else {
            throw CassetteError(
                file: file,
                field: field(),
                problem: "must be null or an object with exactly one of json, text, base64",
                remedy: "fix the field or re-record the cassette"
            )
        }
        switch (member.name, member.value.kind) {
        case ("json", _): return .json(member.value)
        case ("text", .string): return .text(member.value)
        case ("base64", .string):
            guard let data = Data(base64Encoded: member.value.stringValue!) else {
                throw CassetteError(
                    file: file,
                    field: field() + ".base64",
                    problem: "is not valid base64",
                    remedy: "fix the field or re-record the cassette"
                )
            }
            return .binary(data)
        default:
            throw CassetteError(
                file: file,
                field: "\(field()).\(member.name)",
                problem: "is not a valid body (json: any JSON; text, base64: a string)",
                remedy: "fix the field or re-record the cassette"
            )
        }
    }
}

extension String {
    /// A JSON type name with its article, for messages: `an array`, `a string`.
    var withArticle: String { (first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + self }
}
