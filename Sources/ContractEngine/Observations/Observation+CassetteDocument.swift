import Cassettes
import HTTPTransport
import RawJSON

extension Observation {
    /// Calls `body` with each observation of a parsed cassette file, in recorded order, without building the
    /// ``Cassette`` model (the fast path of `verify`). Returns how many interactions name no operation.
    ///
    /// Returns nil, before calling `body` at all, unless every field `Cassette(json:file:)` checks is certainly
    /// valid (a cassette with pseudonymisation settings or a base64 body is also left to it): the caller then
    /// loads the file with `Cassette.load(from:)`, so a malformed cassette gets exactly its error. Observations
    /// are the same as ``forEachObservation(of:file:_:)`` gives for the loaded cassette.
    public static func forEachObservation(
        ofCassetteDocument json: JSONValue, file: String, _ body: (Observation) -> Void
    ) -> Int? {
        guard let document = CassetteDocument(json) else { return nil }
        let target = document.source.target
        let scenario = document.scenario.flatMap(ScenarioExpectations.init(json:))
        var skipped = 0
        for (index, interaction) in document.interactions.enumerated() {
            let (request, response, status) = (interaction.request, interaction.response, interaction.status)
            guard let operation = CassetteDocument.operation(request) else {
                skipped += 1
                continue
            }
            let responseBody = CassetteDocument.recordedBody(response["body"])
            // The headers only matter for error responses (the AWS error decoder reads them).
            let headers = (200..<300).contains(status) ? HTTPHeaders() : CassetteDocument.headers(response)
            body(Observation(
                operation: operation,
                request: CassetteDocument.recordedBody(request["body"]).json,
                status: status,
                body: Self.body(of: RecordedResponse(status: status, headers: headers, body: responseBody), operation: operation),
                time: interaction.startedAt.withUTF8String { TimeValue.parseISO8601($0)?.epochSeconds },
                location: ObservationLocation(file: file, interaction: index),
                target: target, scenario: scenario))
        }
        return skipped
    }
}

/// A parsed cassette file whose every field is checked to be what `Cassette(json:file:)` accepts.
private struct CassetteDocument {
    /// The members of one checked interaction that observations read.
    struct Interaction {
        let request: JSONObject
        let response: JSONObject
        let startedAt: String
        let status: Int
    }

    let source: CassetteSource
    let interactions: [Interaction]
    /// The header's `scenario` member (``ScenarioExpectations``), as read.
    let scenario: JSONValue?

    /// Nil unless `Cassette(json:file:)` certainly accepts `json` (it may accept more).
    init?(_ json: JSONValue) {
        guard case .object(let root) = json,
            root["format"] == .string(Cassette.formatName),
            root["version"]?.intValue == Cassette.formatVersion,
            case .string(let sourceText)? = root["source"], let source = CassetteSource(sourceText),
            Self.isString(root["recordedAt"]), Self.isString(root["tool"]),
            Self.isAbsentOrString(root["region"]), Self.isAbsentOrString(root["description"]),
            Self.isAbsentOrStrings(root["citations"]),
            root["pseudonymisation"] == nil,
            case .array(let elements)? = root["interactions"]
        else { return nil }
        var interactions: [Interaction] = []
        interactions.reserveCapacity(elements.count)
        for element in elements {
            guard let interaction = Self.interaction(element) else { return nil }
            interactions.append(interaction)
        }
        self.source = source
        self.interactions = interactions
        self.scenario = root["scenario"]
    }

    /// The interaction's members, or nil unless it is certainly valid.
    static func interaction(_ value: JSONValue) -> Interaction? {
        guard case .object(let object) = value, case .string(let startedAt)? = object["startedAt"],
            object["duration"]?.doubleValue != nil,
            case .object(let request)? = object["request"], case .object(let response)? = object["response"],
            let status = response["status"]?.intValue,
            isString(request["method"]), isString(request["url"]), hasHeaders(request), hasBody(request),
            hasHeaders(response), hasBody(response)
        else { return nil }
        return Interaction(request: request, response: response, startedAt: startedAt, status: status)
    }

    static func isString(_ value: JSONValue?) -> Bool {
        if case .string? = value { return true }
        return false
    }

    static func isAbsentOrString(_ value: JSONValue?) -> Bool { value == nil || isString(value) }

    static func isAbsentOrStrings(_ value: JSONValue?) -> Bool {
        guard let value else { return true }
        guard case .array(let elements) = value else { return false }
        return elements.allSatisfy(isString)
    }

    /// `headers`: an array of `[name, value]` string pairs.
    static func hasHeaders(_ object: JSONObject) -> Bool {
        guard case .array(let pairs)? = object["headers"] else { return false }
        return pairs.allSatisfy { pair in
            guard case .array(let parts) = pair, parts.count == 2 else { return false }
            return isString(parts[0]) && isString(parts[1])
        }
    }

    /// `body`: null, `{"json": …}` or `{"text": "…"}` (base64 is left to the cassette loader).
    static func hasBody(_ object: JSONObject) -> Bool {
        guard let value = object["body"] else { return false }
        if value == .null { return true }
        guard case .object(let body) = value, body.count == 1, let member = body.first else { return false }
        switch (member.key, member.value) {
        case ("json", _), ("text", .string): return true
        default: return false
        }
    }

    /// The body as the cassette loader reads it (the document is checked).
    static func recordedBody(_ value: JSONValue?) -> RecordedBody {
        guard case .object(let body)? = value, let member = body.first else { return .empty }
        switch (member.key, member.value) {
        case ("text", .string(let text)): return .text(text)
        default: return .json(member.value)
        }
    }

    /// The headers as the cassette loader reads them (the document is checked).
    static func headers(_ object: JSONObject) -> HTTPHeaders {
        var headers = HTTPHeaders()
        guard case .array(let pairs)? = object["headers"] else { return headers }
        for case .array(let parts) in pairs {
            if case .string(let name) = parts[0], case .string(let value) = parts[1] { headers.add(name: name, value: value) }
        }
        return headers
    }

    /// ``Interaction/operation`` of the request: the first `X-Amz-Target` header (compared case-insensitively as
    /// ``HTTPHeaders`` does), after its last dot.
    static func operation(_ request: JSONObject) -> String? {
        guard case .array(let pairs)? = request["headers"] else { return nil }
        for case .array(let parts) in pairs {
            guard case .string(let name) = parts[0], name.lowercased() == "x-amz-target",
                case .string(let target) = parts[1]
            else { continue }
            if let dot = target.lastIndex(of: ".") { return String(target[target.index(after: dot)...]) }
            return target
        }
        return nil
    }
}
