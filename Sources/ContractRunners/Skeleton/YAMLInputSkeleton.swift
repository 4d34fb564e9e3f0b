import Foundation
import RawJSON
import SSMOperations
import Yams

/// The input skeleton in AWS CLI v2's `--generate-cli-skeleton yaml-input` format, for `--cli-input-yaml`.
///
/// Same members and placeholders as ``InputSkeleton`` (CLI v2 uses the same generator), written as block YAML with
/// two-space indentation, sequence dashes at their key's column, `''` for empty strings, and an end-of-line comment
/// per structure member: `[REQUIRED]` for required members, the first sentence of the member's documentation, and
/// `Valid values are: A, B.` for enums (CLI v2's `YAMLArgumentGenerator`).
package enum YAMLInputSkeleton {
    /// The YAML text (ending with a newline).
    package static func render(_ operation: SSMShapeModel.Operation, in model: SSMShapeModel) -> String {
        guard let input = operation.input, let shape = model.shapes[input], !shape.members.isEmpty else {
            return "{}\n"
        }
        var lines: [String] = []
        var stack = [input]
        structureLines(shape, model, indent: "", firstPrefix: nil, &stack, &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads YAML (e.g. a yaml-input skeleton) into JSON, keeping member order and scalar types.
    package static func parse(_ yaml: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: yaml) else { return .null }
        return json(from: node)
    }

    private static func json(from node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping):
            return .object(
                JSONObject(mapping.map { JSONMember(key: $0.key.string ?? "", value: json(from: $0.value)) })
            )
        case .sequence(let sequence): return .array(sequence.map(json(from:)))
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return .bool(node.bool ?? false)
            case Tag.Name.int.rawValue: return .number(JSONNumber(node.int ?? 0))
            case Tag.Name.float.rawValue:
                return .number(JSONNumber(literal: scalar.string.contains(".") ? scalar.string : "\(node.float ?? 0)"))
            default: return .string(scalar.string)
            }
        case .alias: return .null
        }
    }

    private static func structureLines(
        _ shape: Shape,
        _ model: SSMShapeModel,
        indent: String,
        firstPrefix: String?,
        _ stack: inout [String],
        _ lines: inout [String]
    ) {
        for (index, member) in shape.members.enumerated() {
            let lead = index == 0 && firstPrefix != nil ? firstPrefix! : indent
            let comment = comment(for: member, in: shape, model)
            valueLines(
                member.shape,
                model,
                key: member.name,
                lead: lead,
                indent: indent,
                comment: comment,
                &stack,
                &lines
            )
        }
    }

    /// Lines for `key: value` (key nil: a sequence element written after `lead`).
    private static func valueLines(
        _ shapeName: String,
        _ model: SSMShapeModel,
        key: String,
        lead: String,
        indent: String,
        comment: String,
        _ stack: inout [String],
        _ lines: inout [String]
    ) {
        guard let shape = model.shapes[shapeName] else { return }
        stack.append(shapeName)
        defer { stack.removeLast() }
        let head = "\(lead)\(quoteKey(key)):"
        switch shape.kind {
        case .structure where stack.filter({ $0 == shapeName }).count > 1 || shape.members.isEmpty:
            lines.append(withComment("\(head) {}", comment))
        case .structure:
            lines.append(withComment(head, comment))
            structureLines(shape, model, indent: indent + "  ", firstPrefix: nil, &stack, &lines)
        case .list:
            lines.append(withComment(head, comment))
            elementLines(shape.listMember ?? "", model, indent: indent, &stack, &lines)
        case .map:
            lines.append(withComment(head, comment))
            valueLines(
                shape.mapValue ?? "",
                model,
                key: "KeyName",
                lead: indent + "  ",
                indent: indent + "  ",
                comment: "",
                &stack,
                &lines
            )
        default:
            lines.append(withComment("\(head) \(scalar(shape))", comment))
        }
    }

    private static func elementLines(
        _ shapeName: String,
        _ model: SSMShapeModel,
        indent: String,
        _ stack: inout [String],
        _ lines: inout [String]
    ) {
        guard let shape = model.shapes[shapeName] else { return }
        stack.append(shapeName)
        defer { stack.removeLast() }
        switch shape.kind {
        case .structure where stack.filter({ $0 == shapeName }).count > 1 || shape.members.isEmpty:
            lines.append("\(indent)- {}")
        case .structure:
            structureLines(shape, model, indent: indent + "  ", firstPrefix: indent + "- ", &stack, &lines)
        case .list:
            lines.append("\(indent)-")
            elementLines(shape.listMember ?? "", model, indent: indent + "  ", &stack, &lines)
        case .map:
            valueLines(
                shape.mapValue ?? "",
                model,
                key: "KeyName",
                lead: indent + "- ",
                indent: indent + "  ",
                comment: "",
                &stack,
                &lines
            )
        default:
            lines.append("\(indent)- \(scalar(shape))")
        }
    }

    private static func comment(for member: Shape.Member, in shape: Shape, _ model: SSMShapeModel) -> String {
        var parts: [String] = []
        if shape.isRequired(member.name) { parts.append("[REQUIRED]") }
        if let doc = member.documentation, !doc.isEmpty { parts.append(doc) }
        if let values = model.shapes[member.shape]?.enumValues, !values.isEmpty {
            parts.append("Valid values are: \(values.joined(separator: ", ")).")
        }
        return parts.joined(separator: " ")
    }

    private static func withComment(_ line: String, _ comment: String) -> String {
        comment.isEmpty ? line : "\(line)  # \(comment)"
    }

    private static func scalar(_ shape: Shape) -> String {
        switch shape.kind {
        case .string: return quote(shape.enumValues.first ?? "")
        case .integer, .long: return "0"
        case .float, .double: return "0.0"
        case .boolean: return "true"
        case .timestamp: return "'1970-01-01T00:00:00'"
        case .blob: return "!!binary ''"
        default: return "null"
        }
    }

    private static func quoteKey(_ key: String) -> String { quote(key) }

    /// Plain when YAML reads it back as the same string; single-quoted otherwise.
    private static func quote(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let plainSafe =
            !text.isEmpty && !reserved.contains(text.lowercased())
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0)
            }
            && !(text.first.map { "-.0123456789".contains($0) } ?? false)
        return plainSafe ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
