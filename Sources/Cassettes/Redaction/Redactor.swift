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
                throw CassetteConfigurationError("a configured credential value is shorter than 4 characters; redacting it would mangle the recording — configure whole secrets only")
            }
            for form in Self.encodedForms(of: value) { pairs.append((form, RedactionOptions.credentialMarker)) }
        }
        credentials = ByteReplacer(pairs)
        redactedHeaders = Set(options.headers.map { $0.lowercased() })
        rules = options.rules
        builtIn = try [
            (CompiledRegex(#"(?<![A-Z0-9])(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}(?![A-Z0-9])"#), RedactionOptions.accessKeyMarker, .accessKeyPrefix),
            (CompiledRegex(#"(?i)(X-Amz-Signature=)[^&#\s"]+"#), "$1" + RedactionOptions.signatureMarker, .equalsSign),
            (CompiledRegex(#"(Signature=)[0-9a-fA-F]{64}(?![0-9a-fA-F])"#), "$1" + RedactionOptions.signatureMarker, .equalsSign),
            (CompiledRegex(#"(?i)(X-Amz-Security-Token=)[^&#\s"]+"#), "$1" + RedactionOptions.sessionTokenMarker, .equalsSign),
            (CompiledRegex(#"(?i)(X-Amz-Credential=)[^&#\s"/%]+"#), "$1" + RedactionOptions.accessKeyMarker, .equalsSign),
        ]
    }

    /// The forms a secret may take on the wire: as is, percent-encoded, JSON-escaped, base64 and base64url.
    static func encodedForms(of value: String) -> Set<String> {
        var forms: Set<String> = [value]
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
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
            method: request.method, url: text(request.url, .request),
            headers: headers(request.headers, .request), body: body(request.body, .request))
    }

    func response(_ response: RecordedResponse) -> RecordedResponse {
        RecordedResponse(status: response.status, headers: headers(response.headers, .response), body: body(response.body, .response))
    }

    private func text(_ value: String, _ side: RedactionRule.Side) -> String {
        var result = credentials.replacing(in: value)
        // The built-in patterns need "=" (signature, token, credential) or an access key prefix: text with
        // neither cannot match, and skipping the regex engine there keeps replay fast.
        let clues = BuiltInClues(result)
        for (regex, template, clue) in builtIn where clues.has(clue) { result = regex.replacing(in: result, with: template) }
        for rule in rules where rule.scope.includes(side) {
            if case .regex(let regex, let template) = rule.action { result = regex.replacing(in: result, with: template) }
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
            if let range = field.range(of: "Credential=") {
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
            for member in RedactionOptions.credentialMembers {
                let (value, count) = Self.memberPaths[member]!.replacing(in: json, with: .string(RedactionOptions.credentialMarker))
                if count > 0 { json = value; replaced += count }
            }
            for (path, replacement) in pathRules {
                let (value, count) = path.replacing(in: json, with: replacement)
                if count > 0 { json = value; replaced += count }
            }
            if replaced > 0 { result = .json(json) }
        }
        return result.mapping(text: { text($0, side) }, bytes: { credentials.replacing(in: $0) })
    }

    private static let memberPaths: [String: JSONPath] = Dictionary(
        uniqueKeysWithValues: RedactionOptions.credentialMembers.map { ($0, try! JSONPath("$..\($0)")) })
}

/// What the built-in redaction patterns need to find anything: an `=` (signatures, tokens, credentials in
/// URLs) or one of the access key prefixes `AKIA`, `ASIA`, `AROA`, `AIDA`. Found in one pass over the bytes.
struct BuiltInClues {
    enum Clue { case equalsSign, accessKeyPrefix }

    var equalsSign = false
    var accessKeyPrefix = false

    func has(_ clue: Clue) -> Bool { clue == .equalsSign ? equalsSign : accessKeyPrefix }

    init(_ text: String) {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { equalsSign = true }
            let (a, b, c) = previous
            if a == UInt8(ascii: "A"), byte == UInt8(ascii: "A"),
                (b == UInt8(ascii: "K") && c == UInt8(ascii: "I")) || (b == UInt8(ascii: "S") && c == UInt8(ascii: "I"))
                    || (b == UInt8(ascii: "R") && c == UInt8(ascii: "O")) || (b == UInt8(ascii: "I") && c == UInt8(ascii: "D"))
            {
                accessKeyPrefix = true
            }
            if equalsSign && accessKeyPrefix { return }
            previous = (b, c, byte)
        }
    }
}
