import RawJSON
import SSMOperations

/// The input skeleton AWS CLI v1 prints for `--generate-cli-skeleton input`: botocore's `ArgumentGenerator` walk of
/// the input shape, reproduced.
///
/// Placeholders: `""` for strings, `0` for integers/longs, `0.0` for floats/doubles, `true` for booleans,
/// `"1970-01-01T00:00:00"` for timestamps, `null` for blobs, one element per list, one `"KeyName"` entry per map,
/// `{}` for a structure already being expanded (recursion). Enum strings: the CLI picks a random enum value
/// (`random.choice`); this picks the first, which is one of the CLI's possible outputs, so the skeleton is stable.
package enum InputSkeleton {
    /// The placeholder value for `shape` (the operation's input structure, for a whole skeleton).
    package static func value(for shapeName: String, in model: SSMShapeModel) -> JSONValue {
        var stack: [String] = []
        return generate(shapeName, model, &stack)
    }

    /// The skeleton of an operation's input (`{}` for an operation without input).
    package static func value(for operation: SSMShapeModel.Operation, in model: SSMShapeModel) -> JSONValue {
        guard let input = operation.input else { return .object(JSONObject()) }
        return value(for: input, in: model)
    }

    private static func generate(_ name: String, _ model: SSMShapeModel, _ stack: inout [String]) -> JSONValue {
        guard let shape = model.shapes[name] else { return .null }
        stack.append(name)
        defer { stack.removeLast() }
        switch shape.kind {
        case .structure:
            if stack.filter({ $0 == name }).count > 1 { return .object(JSONObject()) }
            var object = JSONObject()
            for member in shape.members {
                object.append(key: member.name, value: generate(member.shape, model, &stack))
            }
            return .object(object)
        case .list: return .array([generate(shape.listMember ?? "", model, &stack)])
        case .map:
            return .object(
                JSONObject([JSONMember(key: "KeyName", value: generate(shape.mapValue ?? "", model, &stack))])
            )
        case .string: return .string(shape.enumValues.first ?? "")
        case .integer, .long: return .number(JSONNumber(literal: "0"))
        case .float, .double: return .number(JSONNumber(literal: "0.0"))
        case .boolean: return .bool(true)
        case .timestamp: return .string("1970-01-01T00:00:00")
        case .blob: return .null
        }
    }
}
