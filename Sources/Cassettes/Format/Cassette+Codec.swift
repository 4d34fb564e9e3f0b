import Foundation
import HTTPTransport
import RawJSON

extension Cassette {
    /// The cassette as a JSON document (the file format of `Recordings/README.md`).
    public var jsonValue: JSONValue {
        var root = JSONObject()
        root.append(key: "format", value: .string(Cassette.formatName))
        root.append(key: "version", value: .number(JSONNumber(Cassette.formatVersion)))
        root.append(key: "source", value: .string(header.source.description))
        root.append(key: "recordedAt", value: .string(header.recordedAt))
        if let region = header.region { root.append(key: "region", value: .string(region)) }
        root.append(key: "tool", value: .string(header.tool))
        if let description = header.description { root.append(key: "description", value: .string(description)) }
        if !header.citations.isEmpty {
            root.append(key: "citations", value: .array(header.citations.map { .string($0) }))
        }
        if let pseudonymisation = header.pseudonymisation {
            root.append(key: "pseudonymisation", value: pseudonymisation.jsonValue)
        }
        for member in header.extra.members { root.append(key: member.key, value: member.value) }
        root.append(key: "interactions", value: .array(interactions.map(\.jsonValue)))
        return .object(root)
    }

    /// Reads a cassette from a parsed document; `file` names it in errors (the checks of ``CassetteFile``).
    public init(json: JSONValue, file: String) throws(CassetteError) {
        self = try CassetteFile(tape: JSONTape(json), file: file).cassette
    }

    /// Loads and validates a cassette file (read by ``CassetteFile``).
    ///
    /// - Throws: ``CassetteError`` naming the file and field for unreadable files, invalid JSON, an unknown
    ///   format or version, and missing or mistyped fields.
    public static func load(from url: URL) throws(CassetteError) -> Cassette {
        try CassetteFile.read(from: url).cassette
    }

    /// The file contents: pretty JSON with a trailing newline.
    public var fileData: Data {
        var bytes = JSONWriter.bytes(jsonValue, style: .pretty)
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    /// Writes the cassette atomically: to a temporary file in the same folder, flushed, then renamed over the
    /// destination. An interrupted write never leaves a half-written cassette behind.
    public func save(to url: URL) throws(CassetteError) {
        do {
            try AtomicFile.write(fileData, to: url)
        } catch {
            throw CassetteError(
                file: url.relativePath,
                problem: "cannot be written (\(SystemErrorText.reason(error)))",
                remedy: "check that the folder exists and is writable"
            )
        }
    }
}

extension Interaction {
    /// The interaction as stored in a cassette.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let operation { object.append(key: "operation", value: .string(operation)) }
        object.append(key: "startedAt", value: .string(startedAt))
        object.append(key: "duration", value: .number(JSONNumber(literal: String(format: "%.3f", duration))))
        var request = JSONObject()
        request.append(key: "method", value: .string(self.request.method))
        request.append(key: "url", value: .string(self.request.url))
        request.append(key: "headers", value: Self.headersJSON(self.request.headers))
        request.append(key: "body", value: self.request.body.jsonValue)
        object.append(key: "request", value: .object(request))
        var response = JSONObject()
        response.append(key: "status", value: .number(JSONNumber(self.response.status)))
        response.append(key: "headers", value: Self.headersJSON(self.response.headers))
        response.append(key: "body", value: self.response.body.jsonValue)
        object.append(key: "response", value: .object(response))
        return .object(object)
    }

    static func headersJSON(_ headers: HTTPHeaders) -> JSONValue {
        .array(headers.map { .array([.string($0.name), .string($0.value)]) })
    }
}

extension RecordedBody {
    /// The body as stored: `null`, `{"json": …}`, `{"text": …}` or `{"base64": …}`.
    public var jsonValue: JSONValue {
        switch self {
        case .empty: .null
        case .json(let value): .object(JSONObject(["json": value]))
        case .text(let text): .object(JSONObject(["text": .string(text)]))
        case .binary(let data): .object(JSONObject(["base64": .string(data.base64EncodedString())]))
        }
    }
}
