import RawJSON
import SSMOperations

/// Judges an input skeleton printed by a CLI: exactly the shape's members, in model order, with typed placeholders
/// (`""` or an enum value for strings, `0` for integers, `0.0` for floats, `true` for booleans, a timestamp string,
/// one element per list, one `KeyName` entry per map, `{}` where a structure recurses).
package enum InputSkeletonConformance {
    /// The problems found, each naming its path; empty when the skeleton conforms.
    package static func problems(_ skeleton: JSONValue, shape shapeName: String, in model: SSMShapeModel) -> [String] {
        var out: [String] = []
        var stack: [String] = []
        check(skeleton, shapeName, "$", model, &stack, &out)
        return out
    }

    private static func check(
        _ value: JSONValue,
        _ name: String,
        _ path: String,
        _ model: SSMShapeModel,
        _ stack: inout [String],
        _ out: inout [String]
    ) {
        guard let shape = model.shapes[name] else { return out.append("\(path): the model has no shape \(name)") }
        stack.append(name)
        defer { stack.removeLast() }
        func expect(_ ok: Bool, _ what: String) {
            if !ok {
                out.append(
                    "\(path): expected \(what), found \(PythonJSONWriter.string(value, indentWidth: 0).replacingNewlines())"
                )
            }
        }
        switch shape.kind {
        case .structure:
            guard let object = value.objectValue else { return expect(false, "an object") }
            if stack.filter({ $0 == name }).count > 1 { return expect(object.isEmpty, "{} (recursive \(name))") }
            let expected = shape.members.map(\.name)
            if object.keys != expected {
                let missing = expected.filter { !object.keys.contains($0) }
                let extra = object.keys.filter { !expected.contains($0) }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("not in the model: \(extra.joined(separator: ", "))") }
                if parts.isEmpty {
                    parts.append(
                        "order \(object.keys.joined(separator: ",")), model order \(expected.joined(separator: ","))"
                    )
                }
                out.append("\(path): members of \(name): \(parts.joined(separator: "; "))")
            }
            for member in shape.members {
                guard let child = object[member.name] else { continue }
                check(child, member.shape, path == "$" ? member.name : "\(path).\(member.name)", model, &stack, &out)
            }
        case .list:
            guard let elements = value.arrayValue, elements.count == 1 else {
                return expect(false, "a one-element list")
            }
            check(elements[0], shape.listMember ?? "", "\(path)[0]", model, &stack, &out)
        case .map:
            guard let object = value.objectValue, object.keys == ["KeyName"] else {
                return expect(false, "{\"KeyName\": ...}")
            }
            check(object["KeyName"]!, shape.mapValue ?? "", "\(path).KeyName", model, &stack, &out)
        case .string:
            if shape.enumValues.isEmpty {
                expect(value == .string(""), "\"\"")
            } else {
                expect(
                    value.stringValue.map(shape.enumValues.contains) ?? false,
                    "one of \(shape.enumValues.joined(separator: ", "))"
                )
            }
        case .integer, .long: expect(value.numberValue?.literal == "0", "0")
        case .float, .double: expect(value.numberValue?.literal == "0.0", "0.0")
        case .boolean: expect(value == .bool(true), "true")
        case .timestamp: expect(value.stringValue != nil, "a timestamp string")
        case .blob: expect(value == .null, "null")
        }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { split(separator: "\n").joined(separator: " ") }
}
