import RawJSON

/// Serializes ``JSONValue`` exactly as Python's `json.dumps(value, indent=4)` does, which is what AWS CLI v1 prints
/// for `--generate-cli-skeleton`: four-space indentation, `", "`-free item separators at line ends, `": "` after
/// keys, `[]`/`{}` for empty containers, and non-ASCII escaped as `\uXXXX` (`ensure_ascii`).
package enum PythonJSONWriter {
    /// The text, without a trailing newline (the CLI writes one after it).
    package static func string(_ value: JSONValue, indentWidth: Int = 4) -> String {
        var out = ""
        write(value, into: &out, level: 0, width: indentWidth)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, level: Int, width: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.literal
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, element) in elements.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: (level + 1) * width)
                write(element, into: &out, level: level + 1, width: width)
            }
            out += "\n" + String(repeating: " ", count: level * width) + "]"
        case .object(let object):
            guard !object.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, member) in object.members.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: (level + 1) * width)
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, into: &out, level: level + 1, width: width)
            }
            out += "\n" + String(repeating: " ", count: level * width) + "}"
        }
    }

    /// Python's `ensure_ascii` string encoding.
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        out += "\""
    }
}
