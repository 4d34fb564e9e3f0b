import Foundation
import HTTPTransport
import RawJSON

/// Applies ``RedactionOptions`` (and the built-in rules) to recorded requests and responses.
struct Redactor: Sendable {
    private let credentials: ByteReplacer
    private let redactedHeaders: Set<String>
    private let rules: [RedactionRule]
    /// The built-in patterns, each with the clue it cannot match without.
    private let builtIn: [(CompiledRegex, String, BuiltInClues.Clue)]

    init(_ options: RedactionOptions) throws(CassetteConfigurationError) {
        var pairs: [(String, String)] = []
        for value in options.credentialValues where !value.isEmpty {
            guard value.count >= 4 else {
                throw CassetteConfigurationError(
                    "a configured credential value is shorter than 4 characters; redacting it would mangle the recording — configure whole secrets only"
                )
            }
            for form in Self.encodedForms(of: value) { pairs.append((form, RedactionOptions.credentialMarker)) }
        }
        credentials = ByteReplacer(pairs)
        redactedHeaders = Set(options.headers.map { $0.lowercased() })
        rules = options.rules
        builtIn = try [
            (
                CompiledRegex(#"(?<![A-Z0-9])(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}(?![A-Z0-9])"#),
                RedactionOptions.accessKeyMarker, .accessKeyPrefix
            ),
            (
                CompiledRegex(#"(?i)(X-Amz-Signature=)[^&#\s"]+"#), "$1" + RedactionOptions.signatureMarker,
                .amzSignature
            ),
            (
                CompiledRegex(#"(Signature=)[0-9a-fA-F]{64}(?![0-9a-fA-F])"#), "$1" + RedactionOptions.signatureMarker,
                .hexSignature
            ),
            (
                CompiledRegex(#"(?i)(X-Amz-Security-Token=)[^&#\s"]+"#), "$1" + RedactionOptions.sessionTokenMarker,
                .securityToken
            ),
            (
                CompiledRegex(#"(?i)(X-Amz-Credential=)[^&#\s"/%]+"#), "$1" + RedactionOptions.accessKeyMarker,
                .amzCredential
            ),
        ]
    }

    /// The forms a secret may take on the wire: as is, percent-encoded, JSON-escaped, base64 and base64url.
    static func encodedForms(of value: String) -> Set<String> {
        var forms: Set<String> = [value]
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        if let percent = value.addingPercentEncoding(withAllowedCharacters: unreserved) {
            forms.insert(percent)
            forms.insert(percent.replacingOccurrences(of: "%20", with: "+"))
        }
        let escaped = String(JSONWriter.string(.string(value)).dropFirst().dropLast())
        forms.insert(escaped)
        forms.insert(escaped.replacingOccurrences(of: "/", with: "\\/"))
        let base64 = Data(value.utf8).base64EncodedString()
        forms.insert(base64)
        let trimmed = base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        forms.insert(trimmed)
        forms.insert(trimmed.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
        return forms
    }

    func request(_ request: RecordedRequest) -> RecordedRequest {
        RecordedRequest(
            method: request.method,
            url: text(request.url, .request),
            headers: headers(request.headers, .request),
            body: body(request.body, .request)
        )
    }

    func response(_ response: RecordedResponse) -> RecordedResponse {
        RecordedResponse(
            status: response.status,
            headers: headers(response.headers, .response),
            body: body(response.body, .response)
        )
    }

    private func text(_ value: String, _ side: RedactionRule.Side) -> String {
        var result = credentials.replacing(in: value)
        // Each built-in pattern runs only on text holding what it cannot match without (see BuiltInClues).
        let clues = BuiltInClues(result)
        for (regex, template, clue) in builtIn where clues.has(clue) {
            result = regex.replacing(in: result, with: template)
        }
        for rule in rules where rule.scope.includes(side) {
            if case .regex(let regex, let template) = rule.action {
                result = regex.replacing(in: result, with: template)
            }
        }
        return result
    }

    private func headers(_ headers: HTTPHeaders, _ side: RedactionRule.Side) -> HTTPHeaders {
        headers.mappingValues { name, value in
            let lower = name.lowercased()
            if lower == "x-amz-security-token" { return RedactionOptions.sessionTokenMarker }
            if redactedHeaders.contains(lower) { return RedactionOptions.headerMarker }
            if lower == "authorization" { return text(Self.authorization(value), side) }
            return text(value, side)
        }
    }

    /// `Authorization` with the secret parts replaced: SigV4 keeps algorithm, scope and SignedHeaders;
    /// any other scheme keeps only the scheme name.
    static func authorization(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("AWS4-") else {
            guard let space = trimmed.firstIndex(of: " ") else { return RedactionOptions.credentialMarker }
            return String(trimmed[..<space]) + " " + RedactionOptions.credentialMarker
        }
        var parts: [String] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let leading = String(part.prefix { $0 == " " })
            var field = String(part.dropFirst(leading.count))
            if let range = field.firstRange(of: "Credential=") {
                let rest = field[range.upperBound...]
                let scope = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
                field = String(field[..<range.upperBound]) + RedactionOptions.accessKeyMarker + scope
            } else if field.hasPrefix("Signature=") {
                field = "Signature=" + RedactionOptions.signatureMarker
            }
            parts.append(leading + field)
        }
        return parts.joined(separator: ",")
    }

    private func body(_ body: RecordedBody, _ side: RedactionRule.Side) -> RecordedBody {
        var result = body
        let pathRules = rules.compactMap { rule -> (JSONPath, JSONValue)? in
            guard rule.scope.includes(side), case .jsonPath(let path, let replacement) = rule.action else { return nil }
            return (path, replacement)
        }
        if var json = body.json {
            var replaced = 0
            // Each credential member's path rewrites the whole tree: only a body that has one is rewritten.
            let members =
                Self.hasMember(json, named: Self.credentialMemberNames) ? RedactionOptions.credentialMembers : []
            for member in members {
                let (value, count) = Self.memberPaths[member]!.replacing(
                    in: json,
                    with: .string(RedactionOptions.credentialMarker)
                )
                if count > 0 {
                    json = value
                    replaced += count
                }
            }
            for (path, replacement) in pathRules {
                let (value, count) = path.replacing(in: json, with: replacement)
                if count > 0 {
                    json = value
                    replaced += count
                }
            }
            if replaced > 0 { result = .json(json) }
        }
        return result.mapping(text: { text($0, side) }, bytes: { credentials.replacing(in: $0) })
    }

    private static let credentialMemberNames = Set(RedactionOptions.credentialMembers)

    /// Whether `value` has an object member named one of `names`, at any depth.
    static func hasMember(_ value: JSONValue, named names: Set<String>) -> Bool {
        switch value {
        case .object(let object):
            object.members.contains { names.contains($0.key) || hasMember($0.value, named: names) }
        case .array(let elements): elements.contains { hasMember($0, named: names) }
        default: false
        }
    }

    private static let memberPaths: [String: JSONPath] = Dictionary(
        uniqueKeysWithValues: RedactionOptions.credentialMembers.map { ($0, try! JSONPath("$..\($0)")) }
    )
}

/// What each built-in redaction pattern cannot match without, found in one pass over the bytes: an access
/// key prefix (`AKIA`, `ASIA`, `AROA`, `AIDA`), or a parameter name right before an `=` (`X-Amz-Signature=`,
/// `X-Amz-Security-Token=`, `X-Amz-Credential=` in any case; `Signature=` followed by a hex digit). Text without
/// the clue is left to no regex engine, which keeps replay fast; the patterns still decide what is replaced.
struct BuiltInClues {
    enum Clue: UInt8 {
        case accessKeyPrefix = 1
        case amzSignature = 2
        case hexSignature = 4
        case securityToken = 8
        case amzCredential = 16
    }

    private var found: UInt8 = 0

    func has(_ clue: Clue) -> Bool { found & clue.rawValue != 0 }

    private mutating func insert(_ clue: Clue) { found |= clue.rawValue }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self(bytes: $0) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        // ICU folds some non-ASCII letters onto ASCII ones (ſ matches s): with any, the case-insensitive patterns run.
        if bytes.contains(where: { $0 >= 0x80 }) {
            found = Clue.amzSignature.rawValue | Clue.securityToken.rawValue | Clue.amzCredential.rawValue
        }
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == UInt8(ascii: "A"), i >= 3, bytes[i - 3] == UInt8(ascii: "A"),
                Self.accessKeyMiddles.contains(where: { $0 == (bytes[i - 2], bytes[i - 1]) })
            {
                insert(.accessKeyPrefix)
            }
            guard byte == UInt8(ascii: "=") else { continue }
            if Self.ends(bytes, at: i, with: "x-amz-signature") { insert(.amzSignature) }
            if Self.ends(bytes, at: i, with: "x-amz-security-token") { insert(.securityToken) }
            if Self.ends(bytes, at: i, with: "x-amz-credential") { insert(.amzCredential) }
            if Self.ends(bytes, at: i, with: "Signature", caseSensitive: true), i + 1 < bytes.count,
                Self.isHex(bytes[i + 1])
            {
                insert(.hexSignature)
            }
        }
    }

    /// The two middle letters of `AKIA`, `ASIA`, `AROA`, `AIDA`.
    private static let accessKeyMiddles: [(UInt8, UInt8)] = [
        (UInt8(ascii: "K"), UInt8(ascii: "I")), (UInt8(ascii: "S"), UInt8(ascii: "I")),
        (UInt8(ascii: "R"), UInt8(ascii: "O")), (UInt8(ascii: "I"), UInt8(ascii: "D")),
    ]

    /// Whether the bytes right before `end` spell `word` (ASCII; any case unless `caseSensitive`).
    private static func ends(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at end: Int,
        with word: StaticString,
        caseSensitive: Bool = false
    ) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end >= count else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for (offset, letter) in letters.enumerated() {
            let byte = bytes[end - count + offset]
            let folded = caseSensitive || !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte : byte + 32
            let expected =
                caseSensitive || !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(letter) ? letter : letter + 32
            guard folded == expected else { return false }
        }
        return true
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
