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
        if !header.citations.isEmpty { root.append(key: "citations", value: .array(header.citations.map { .string($0) })) }
        if let pseudonymisation = header.pseudonymisation {
            root.append(key: "pseudonymisation", value: pseudonymisation.jsonValue)
        }
        for member in header.extra.members { root.append(key: member.key, value: member.value) }
        root.append(key: "interactions", value: .array(interactions.map(\.jsonValue)))
        return .object(root)
    }

    /// Reads a cassette from a parsed document; `file` names it in errors.
    public init(json: JSONValue, file: String) throws(CassetteError) {
        var reader = FieldReader(file: file)
        let root = try reader.object(json, at: nil)
        if root["format"] == nil, root["interactions"] == nil {
            // Not a cassette at all; most often one response body (what `aws ssm …` prints).
            throw CassetteError(
                file: file, problem: "is not an ssm-contract cassette (no \"format\" or \"interactions\")",
                remedy: "if it is a response body, judge it with `ssm-contract check OPERATION \(file)`")
        }
        let format = try reader.string(root, "format", at: nil)
        guard format == Cassette.formatName else {
            throw CassetteError(
                file: file, field: "format",
                problem: "is \"\(format)\", not \"\(Cassette.formatName)\"",
                remedy: "this is not an ssm-contract cassette; point the command at a cassette file")
        }
        let version = try reader.int(root, "version", at: nil)
        guard version == Cassette.formatVersion else {
            throw CassetteError(
                file: file, field: "version",
                problem: "format version \(version) is not supported (this build reads version \(Cassette.formatVersion))",
                remedy: version > Cassette.formatVersion
                    ? "upgrade ssm-contract to read it" : "re-record the cassette with this version")
        }
        let sourceText = try reader.string(root, "source", at: nil)
        guard let source = CassetteSource(sourceText) else {
            throw CassetteError(
                file: file, field: "source",
                problem: "\"\(sourceText)\" is not a known source",
                remedy: "use live, mock:NAME@VERSION, aws-docs or synthetic")
        }
        let known: Set<String> = [
            "format", "version", "source", "recordedAt", "region", "tool", "description", "citations", "pseudonymisation",
            "interactions",
        ]
        let header = CassetteHeader(
            source: source,
            recordedAt: try reader.string(root, "recordedAt", at: nil),
            region: try reader.optionalString(root, "region", at: nil),
            tool: try reader.string(root, "tool", at: nil),
            description: try reader.optionalString(root, "description", at: nil),
            citations: try reader.optionalStrings(root, "citations", at: nil),
            pseudonymisation: try reader.pseudonymisation(root),
            extra: JSONObject(root.members.filter { !known.contains($0.key) })
        )
        guard let list = root["interactions"] else {
            throw CassetteError(file: file, field: "interactions", problem: "is missing", remedy: "add an \"interactions\" array (it may be empty)")
        }
        guard case .array(let elements) = list else {
            throw CassetteError(file: file, field: "interactions", problem: "is \(list.typeName.withArticle), not an array", remedy: "make it an array of interactions")
        }
        var interactions: [Interaction] = []
        interactions.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            interactions.append(try Interaction(json: element, at: "interactions[\(i)]", reader: &reader))
        }
        self.init(header: header, interactions: interactions)
    }

    /// Loads and validates a cassette file.
    ///
    /// - Throws: ``CassetteError`` naming the file and field for unreadable files, invalid JSON, an unknown
    ///   format or version, and missing or mistyped fields.
    public static func load(from url: URL) throws(CassetteError) -> Cassette {
        let file = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CassetteError(
                file: file, problem: "cannot be read (\(Self.reason(error)))",
                remedy: "check the path and permissions")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(data)
        } catch {
            throw CassetteError(
                file: file, problem: "is not valid JSON: \(error)",
                remedy: "restore it from version control or re-record it")
        }
        return try Cassette(json: json, file: file)
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
                file: url.path, problem: "cannot be written (\(Self.reason(error)))",
                remedy: "check that the folder exists and is writable")
        }
    }

    /// The system's reason in plain words (`No such file or directory`), never an error domain and code.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return error.localizedDescription
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

    init(json: JSONValue, at path: String, reader: inout FieldReader) throws(CassetteError) {
        let object = try reader.object(json, at: path)
        let startedAt = try reader.string(object, "startedAt", at: path)
        let duration = try reader.double(object, "duration", at: path)
        let requestPath = path + ".request"
        let request = try reader.object(try reader.required(object, "request", at: path), at: requestPath)
        let responsePath = path + ".response"
        let response = try reader.object(try reader.required(object, "response", at: path), at: responsePath)
        self.init(
            request: RecordedRequest(
                method: try reader.string(request, "method", at: requestPath),
                url: try reader.string(request, "url", at: requestPath),
                headers: try reader.headers(request, at: requestPath),
                body: try reader.body(request, at: requestPath)
            ),
            response: RecordedResponse(
                status: try reader.int(response, "status", at: responsePath),
                headers: try reader.headers(response, at: responsePath),
                body: try reader.body(response, at: responsePath)
            ),
            startedAt: startedAt,
            duration: duration
        )
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
