/// An AWS shared config or credentials file, parsed like botocore (Python `RawConfigParser` plus nested values).
///
/// `[section]` headers; `key = value` or `key: value` (keys lower-cased, values trimmed); lines starting with
/// `#` or `;` are comments (only full-line comments: `value # x` keeps the `# x`); an indented line continues
/// the previous value, which is how `[services x]` sections hold `ssm =` followed by indented
/// `endpoint_url = …` lines. A line before any section, a line that is none of these, a repeated section and a
/// repeated key are errors (Python's parser is strict about the last two as well).
struct AWSINIFile: Sendable {
    /// One `[section]`.
    struct Section: Sendable {
        /// The section name as written between the brackets, trimmed: `default`, `profile dev`, `services local`.
        let name: String
        /// Its `key = value` members (a nested value keeps its lines joined with newlines).
        var values: [String: String] = [:]

        /// The members of a nested value: `ssm =\n  endpoint_url = x` → `["endpoint_url": "x"]`.
        func nested(_ key: String) -> [String: String] {
            guard let raw = values[key] else { return [:] }
            var result: [String: String] = [:]
            for line in raw.split(separator: "\n") {
                guard let (name, value) = AWSINIFile.splitKeyValue(Substring(line)) else { continue }
                result[name] = value
            }
            return result
        }
    }

    /// The file path, for messages.
    let path: String
    /// Sections by name.
    private(set) var sections: [String: Section] = [:]

    /// The section with this exact name.
    subscript(section name: String) -> Section? { sections[name] }

    /// Parses the text of a file.
    init(text: String, path: String) throws(AWSConfigurationError) {
        self.path = path
        var current: String?
        var lastKey: String?
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if line.first == " " || line.first == "\t", let section = current, let key = lastKey {
                sections[section]?.values[key, default: ""] += "\n" + trimmed
                continue
            }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    throw malformed(lineNumber, "`\(trimmed)` is not a valid [section] header")
                }
                let name = String(trimmed.dropFirst().dropLast()).trimmingWhitespace
                guard sections[name] == nil else { throw malformed(lineNumber, "section [\(name)] appears twice") }
                sections[name] = Section(name: name)
                current = name
                lastKey = nil
                continue
            }
            guard let (key, value) = Self.splitKeyValue(line) else {
                throw malformed(lineNumber, "`\(trimmed)` is not a [section], key = value, or comment line")
            }
            guard let section = current else {
                throw malformed(lineNumber, "`\(key)` appears before any [section] header")
            }
            guard sections[section]?.values[key] == nil else {
                throw malformed(lineNumber, "key \(key) appears twice in [\(section)]")
            }
            sections[section]?.values[key] = value
            lastKey = key
        }
    }

    private func malformed(_ line: Int, _ problem: String) -> AWSConfigurationError {
        AWSConfigurationError(
            "malformed file \(path) line \(line): \(problem); fix the line (see the AWS shared config file format)",
            kind: .malformedFile
        )
    }

    /// Splits `key = value` or `key: value` at the first delimiter; the key is lower-cased.
    static func splitKeyValue(_ line: Substring) -> (String, String)? {
        guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = String(line[..<delimiter]).trimmingWhitespace.lowercased()
        guard !key.isEmpty else { return nil }
        return (key, String(line[line.index(after: delimiter)...]).trimmingWhitespace)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = characters.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(characters[first...last])
    }
}
