import Foundation
import RawJSON

/// One secret found by `ssm-contract audit`: where, what, and in which form. The value itself is never kept
/// whole: ``hint`` shows its first characters only.
public struct AuditFinding: Sendable, Hashable {
    /// How the value was written in the file.
    public enum Form: String, Sendable {
        case raw
        case percentEncoded = "percent-encoded"
        case base64
        case jsonEscaped = "JSON-escaped"
    }

    public let file: String
    /// The 1-based interaction of a cassette (`nil` outside interactions, or in a file that is not a cassette).
    public let interaction: Int?
    /// The operation of that interaction, when recorded.
    public let operation: String?
    /// The field, as a path: `request.headers.Authorization`, `response.body.json.Arn`.
    public let field: String
    public let kind: SecretKind
    public let form: Form
    /// The value's first four characters and its length, enough to find it, too little to use it.
    public let hint: String

    /// `FILE: interaction N (Op), FIELD: KIND (FORM, AKIA… 20 characters)`.
    public var line: String {
        var place = file + ": "
        if let interaction { place += "interaction \(interaction)" + (operation.map { " (\($0))" } ?? "") + ", " }
        return place + "\(field): \(kind.rawValue) (\(form.rawValue), \(hint))"
    }
}

/// Walks one parsed file (a cassette, a report) and finds secrets in every string, also inside percent-encoded,
/// base64 and JSON-escaped text (bodies stored as strings, query strings, encoded headers).
struct SecretScanner {
    let file: String
    /// The file's text, to tell a value written as is from one only present JSON-escaped (`\u0041`, `\/`).
    let fileText: String
    /// Account ids are pseudonyms in this file (its header says so): not secrets.
    let accountIDsArePseudonyms: Bool
    private(set) var findings: [AuditFinding] = []
    /// Where each secret (interaction, kind, value) was reported in ``findings``: one secret is one finding.
    private var reported: [String: Int] = [:]

    init(file: String, fileText: String, accountIDsArePseudonyms: Bool) {
        self.file = file
        self.fileText = fileText
        self.accountIDsArePseudonyms = accountIDsArePseudonyms
    }

    /// Scans a whole JSON document; the members of `interactions[i]` are reported as interaction i + 1.
    mutating func scanDocument(_ root: JSONValue) {
        guard case .object(let object) = root, case .array(let interactions)? = object["interactions"] else {
            walk(root, path: "", key: "", interaction: nil, form: .raw, depth: 0)
            return
        }
        for member in object where member.key != "interactions" {
            walk(member.value, path: member.key, key: member.key, interaction: nil, form: .raw, depth: 0)
        }
        for (index, interaction) in interactions.enumerated() {
            let context = Context(number: index + 1, operation: interaction["operation"]?.stringValue)
            walk(interaction, path: "", key: "", interaction: context, form: .raw, depth: 0)
        }
    }

    /// Scans text that is not JSON (a JUnit report, a log).
    mutating func scanText(_ text: String) {
        scanString(text, path: "(text)", key: "", interaction: nil, form: .raw, depth: 0)
    }

    struct Context {
        let number: Int
        let operation: String?
    }

    private mutating func walk(
        _ value: JSONValue,
        path: String,
        key: String,
        interaction: Context?,
        form: AuditFinding.Form,
        depth: Int
    ) {
        func child(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
        switch value {
        case .object(let object):
            for member in object {
                walk(
                    member.value,
                    path: child(member.key),
                    key: member.key,
                    interaction: interaction,
                    form: form,
                    depth: depth
                )
            }
        case .array(let elements):
            if key.lowercased() == "headers" {
                for element in elements {
                    if case .array(let pair) = element, pair.count == 2, let name = pair[0].stringValue,
                        let text = pair[1].stringValue
                    {
                        scanString(
                            text,
                            path: child(name),
                            key: name,
                            interaction: interaction,
                            form: form,
                            depth: depth
                        )
                    } else {
                        walk(element, path: path, key: key, interaction: interaction, form: form, depth: depth)
                    }
                }
                return
            }
            for (index, element) in elements.enumerated() {
                walk(element, path: "\(path)[\(index)]", key: key, interaction: interaction, form: form, depth: depth)
            }
        case .string(let text):
            scanString(text, path: path, key: key, interaction: interaction, form: form, depth: depth)
        case .number(let number):
            if let kind = SecretKind.byFieldName(key, value: number.literal) {
                add(kind, number.literal, path: path, interaction: interaction, form: form)
            }
        default:
            break
        }
    }

    private mutating func scanString(
        _ text: String,
        path: String,
        key: String,
        interaction: Context?,
        form: AuditFinding.Form,
        depth: Int
    ) {
        if let kind = SecretKind.byFieldName(key, value: text) {
            add(kind, text, path: path, interaction: interaction, form: form)
        }
        let range = NSRange(text.startIndex..., in: text)
        for (kind, pattern) in SecretKind.patterns {
            for match in pattern.matches(in: text, range: range) {
                let captured =
                    match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
                    ? match.range(at: 1) : match.range
                guard let valueRange = Range(captured, in: text) else { continue }
                add(kind, String(text[valueRange]), path: path, interaction: interaction, form: form)
            }
        }
        guard depth < 3 else { return }
        if text.contains("%"), let decoded = text.removingPercentEncoding, decoded != text {
            scanString(decoded, path: path, key: key, interaction: interaction, form: .percentEncoded, depth: depth + 1)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = trimmed.first, first == "{" || first == "[", let inner = try? JSONParser.parse(trimmed) {
            walk(inner, path: path, key: key, interaction: interaction, form: .jsonEscaped, depth: depth + 1)
        }
        for token in Self.base64Tokens(in: text) {
            if let decoded = Self.printableBase64(token) {
                scanString(decoded, path: path, key: key, interaction: interaction, form: .base64, depth: depth + 1)
            }
        }
    }

    private mutating func add(
        _ kind: SecretKind,
        _ value: String,
        path: String,
        interaction: Context?,
        form: AuditFinding.Form
    ) {
        if kind == .accountID, accountIDsArePseudonyms { return }
        // Found in a parsed string but not in the file as is: the file holds it JSON-escaped (`\u0041`, `\/`).
        let form = form == .raw && !fileText.contains(value) ? AuditFinding.Form.jsonEscaped : form
        // One secret, one finding: the same value met again deeper in the same field (a JSON body stored as a
        // string, then parsed) names the deeper field, in the form it was first found in.
        let field = path.isEmpty ? "$" : path
        let identity = "\(interaction?.number ?? 0)|\(kind)|\(value)"
        if let index = reported[identity] {
            let first = findings[index]
            if field.hasPrefix(first.field + ".") {
                findings[index] = AuditFinding(
                    file: first.file,
                    interaction: first.interaction,
                    operation: first.operation,
                    field: field,
                    kind: first.kind,
                    form: first.form,
                    hint: first.hint
                )
            }
            return
        }
        reported[identity] = findings.count
        let characters = value.count
        findings.append(
            AuditFinding(
                file: file,
                interaction: interaction?.number,
                operation: interaction?.operation,
                field: field,
                kind: kind,
                form: form,
                hint: "\(value.prefix(4))… \(characters) characters"
            )
        )
    }

    private static let base64Token = try! NSRegularExpression(pattern: #"[A-Za-z0-9+/_-]{24,}={0,2}"#)

    static func base64Tokens(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return base64Token.matches(in: text, range: range).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// The text `token` encodes (standard or URL-safe base64), when it is mostly printable UTF-8.
    static func printableBase64(_ token: String) -> String? {
        var standard = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard = standard.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard), let text = String(data: data, encoding: .utf8), !text.isEmpty
        else { return nil }
        let printable = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7f || $0 == "\n" || $0 == "\t" }
            .count
        return Double(printable) / Double(text.unicodeScalars.count) > 0.95 ? text : nil
    }
}
