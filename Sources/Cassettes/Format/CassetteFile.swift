import Foundation
import HTTPTransport
import RawJSON

/// A cassette file as read: checked field by field like every cassette (the one reader of the format), with
/// the interactions' bodies and headers left on the file's ``JSONTape`` until something reads them.
///
/// ``Cassette/load(from:)`` is this reader followed by ``cassette``; `verify` reads the stored interactions
/// directly, so a response body is parsed once (with the file) and never copied into a ``JSONValue``.
///
/// ```swift
/// let file = try CassetteFile.read(from: url)
/// for interaction in file.interactions { print(interaction.operation ?? "-", interaction.status) }
/// ```
public struct CassetteFile: Sendable {
    /// The header.
    public let header: CassetteHeader
    /// The interactions, in recorded order.
    public let interactions: [StoredInteraction]

    /// Reads and checks a cassette file (one read of the whole file, one parse).
    ///
    /// - Throws: ``CassetteError`` naming the file and field for unreadable files, invalid JSON (with its
    ///   byte offset, line and column), an unknown format or version, and missing or mistyped fields.
    public static func read(from url: URL) throws(CassetteError) -> CassetteFile {
        let file = url.relativePath  // errors name the file as the user gave it (relative stays relative)
        let bytes = try WholeFile.bytes(atPath: url.path, named: file)
        let tape: JSONTape
        do {
            tape = try JSONTape.parse(bytes)
        } catch {
            throw CassetteError(
                file: file,
                problem: "is not valid JSON: \(error)",
                remedy: "restore it from version control or re-record it"
            )
        }
        return try CassetteFile(tape: tape, file: file)
    }

    /// Reads a cassette from a parsed document; `file` names it in errors.
    public init(tape: JSONTape, file: String) throws(CassetteError) {
        let reader = FieldReader(file: file)
        let root = try reader.object(tape.root, at: nil)
        if root["format"] == nil, root["interactions"] == nil, root["log"]?["entries"] != nil {
            throw CassetteError(
                file: file,
                problem: "is a HAR capture (\"log\" with \"entries\"), not an ssm-contract cassette",
                remedy: "make a cassette of it with `ssm-contract har import \(file) --output CASSETTE --source SOURCE`"
            )
        }
        if root["format"] == nil, root["interactions"] == nil {
            // Not a cassette at all; most often one response body (what `aws ssm …` prints).
            throw CassetteError(
                file: file,
                problem: "is not an ssm-contract cassette (no \"format\" or \"interactions\")",
                remedy: "if it is a response body, judge it with `ssm-contract check OPERATION \(file)`"
            )
        }
        let format = try reader.string(root, "format", at: nil)
        if ReportFormat.all.contains(format) { throw ReportFormat.notACassette(file: file, format: format) }
        guard format == Cassette.formatName else {
            throw CassetteError(
                file: file,
                field: "format",
                problem: "is \"\(format)\", not \"\(Cassette.formatName)\"",
                remedy: "this is not an ssm-contract cassette; point the command at a cassette file"
            )
        }
        let version = try reader.int(root, "version", at: nil)
        guard version == Cassette.formatVersion else {
            throw CassetteError(
                file: file,
                field: "version",
                problem:
                    "format version \(version) is not supported (this build reads version \(Cassette.formatVersion))",
                remedy: version > Cassette.formatVersion
                    ? "upgrade ssm-contract to read it" : "re-record the cassette with this version"
            )
        }
        let sourceText = try reader.string(root, "source", at: nil)
        guard let source = CassetteSource(sourceText) else {
            throw CassetteError(
                file: file,
                field: "source",
                problem: "\"\(sourceText)\" is not a known source",
                remedy: "use live, mock:NAME@VERSION, aws-docs or synthetic"
            )
        }
        var extra = JSONObject()
        root.forEachMember { name, value in
            let key = name.stringValue!
            if !Self.headerMembers.contains(key) { extra.append(key: key, value: value.json) }
        }
        header = CassetteHeader(
            source: source,
            recordedAt: try reader.string(root, "recordedAt", at: nil),
            region: try reader.optionalString(root, "region", at: nil),
            tool: try reader.string(root, "tool", at: nil),
            description: try reader.optionalString(root, "description", at: nil),
            citations: try reader.optionalStrings(root, "citations", at: nil),
            pseudonymisation: try reader.pseudonymisation(root),
            extra: extra
        )
        guard let list = root["interactions"] else {
            throw CassetteError(
                file: file,
                field: "interactions",
                problem: "is missing",
                remedy: "add an \"interactions\" array (it may be empty)"
            )
        }
        guard list.kind == .array else {
            throw CassetteError(
                file: file,
                field: "interactions",
                problem: "is \(list.typeName.withArticle), not an array",
                remedy: "make it an array of interactions"
            )
        }
        var interactions: [StoredInteraction] = []
        interactions.reserveCapacity(list.count)
        for (i, element) in (list.arrayValue ?? []).enumerated() {
            interactions.append(try StoredInteraction(element, at: "interactions[\(i)]", reader: reader))
        }
        self.interactions = interactions
    }

    /// The header members the format defines (any other is kept in ``CassetteHeader/extra``).
    static let headerMembers: Set<String> = [
        "format", "version", "source", "recordedAt", "region", "tool", "description", "citations", "pseudonymisation",
        "interactions",
    ]

    /// The cassette with every interaction read into the model.
    public var cassette: Cassette {
        Cassette(header: header, interactions: interactions.map(\.interaction))
    }
}

/// One interaction of a ``CassetteFile``, checked; its headers and bodies are read from the tape on demand.
/// An immutable final class: handing one around costs one reference, not one per member.
public final class StoredInteraction: Sendable {
    /// When the request was sent (ISO-8601 UTC).
    public let startedAt: String
    /// Seconds from sending the request to receiving the whole response.
    public let duration: Double
    let method: JSONTape.Value
    let url: JSONTape.Value
    /// The request's header fields.
    public let requestHeaders: StoredHeaders
    /// The request body.
    public let requestBody: StoredBody
    /// The HTTP status.
    public let status: Int
    /// The response's header fields.
    public let responseHeaders: StoredHeaders
    /// The response body.
    public let responseBody: StoredBody

    /// Reads one interaction; `path` (made only for an error message) names it.
    init(_ value: JSONTape.Value, at path: @autoclosure () -> String, reader: FieldReader) throws(CassetteError) {
        let object = try reader.object(value, at: path())
        startedAt = try reader.string(object, "startedAt", at: path())
        duration = try reader.double(object, "duration", at: path())
        func requestPath() -> String { path() + ".request" }
        func responsePath() -> String { path() + ".response" }
        let request = try reader.object(try reader.required(object, "request", at: path()), at: requestPath())
        let response = try reader.object(try reader.required(object, "response", at: path()), at: responsePath())
        method = try reader.stringValue(request, "method", at: requestPath())
        url = try reader.stringValue(request, "url", at: requestPath())
        requestHeaders = try reader.headers(request, at: requestPath())
        requestBody = try reader.body(request, at: requestPath())
        status = try reader.int(response, "status", at: responsePath())
        responseHeaders = try reader.headers(response, at: responsePath())
        responseBody = try reader.body(response, at: responsePath())
    }

    /// The awsJson1_1 operation from `X-Amz-Target` (see ``Interaction/operation``).
    public var operation: String? {
        requestHeaders.withFirst("X-Amz-Target", Interaction.operation(target:))
    }

    /// The interaction read into the model.
    public var interaction: Interaction {
        Interaction(
            request: RecordedRequest(
                method: method.stringValue!,
                url: url.stringValue!,
                headers: requestHeaders.headers,
                body: requestBody.body
            ),
            response: RecordedResponse(status: status, headers: responseHeaders.headers, body: responseBody.body),
            startedAt: startedAt,
            duration: duration
        )
    }
}

/// Header fields of a stored message: `[name, value]` string pairs, checked, decoded when read.
public struct StoredHeaders: Sendable {
    let pairs: JSONTape.Value

    /// The value of the first field named `name` (compared case-insensitively, as ``HTTPHeaders`` does).
    public func first(_ name: String) -> String? {
        withFirst(name) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of the value of the first field named `name` (as ``first(_:)``), or
    /// returns nil when there is none.
    func withFirst<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var name = name
        return name.withUTF8 { wanted in
            pairs.withView { pairs in
                var found: R?
                var done = false
                pairs.forEachElement { pair in
                    guard !done, let key = pair[0], key.withUTF8({ Self.sameName($0, wanted) }) == true else {
                        return
                    }
                    // The reader checked that every field is a pair of strings.
                    done = true
                    found = pair[1]?.withUTF8(body)
                }
                return found
            }
        }
    }

    /// Whether two header names are the same, ignoring case (ASCII names compared byte by byte, without
    /// making strings; others as lowercased strings).
    static func sameName(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: a, as: UTF8.self).lowercased() == String(decoding: b, as: UTF8.self).lowercased()
        }
        guard a.count == b.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    /// Every field, in order.
    public var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        pairs.forEachElement { pair in headers.add(name: pair[0]!.stringValue!, value: pair[1]!.stringValue!) }
        return headers
    }
}

/// A stored body, checked: `null`, `{"json": …}`, `{"text": "…"}` or `{"base64": "…"}` (decoded when read).
public enum StoredBody: Sendable {
    case empty
    /// The JSON value, on the file's tape.
    case json(JSONTape.Value)
    /// The text, a string on the file's tape.
    case text(JSONTape.Value)
    case binary(Data)

    /// The body read into the model.
    public var body: RecordedBody {
        switch self {
        case .empty: .empty
        case .json(let value): .json(value.json)
        case .text(let text): .text(text.stringValue!)
        case .binary(let data): .binary(data)
        }
    }

    /// The body as a JSON value: the stored value, or a parse of the text on a tape of its own; nil when it is
    /// not JSON.
    public var json: JSONTape.Value? {
        switch self {
        case .json(let value): value
        case .text(let text): (try? JSONTape.parse(Array(text.stringValue!.utf8)))?.root
        default: nil
        }
    }
}

/// Reads a whole file into memory.
enum WholeFile {
    /// The bytes of the file at `path`, read straight into the array (one `read` for a regular file); errors
    /// name it `name` (default `path`).
    static func bytes(atPath path: String, named name: String? = nil) throws(CassetteError) -> [UInt8] {
        func failure(_ code: Int32) -> CassetteError {
            CassetteError(
                file: name ?? path,
                problem: "cannot be read (\(String(cString: strerror(code))))",
                remedy: "check the path and permissions"
            )
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure(errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw failure(EISDIR) }
        // Read straight into the array's storage (not zero-filled first); a file that grew since `fstat` is
        // read on in chunks.
        var failed: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if let failed { throw failure(failed) }
        // Ended before the size `fstat` gave: that is the end of the file.
        guard bytes.count == Int(status.st_size) else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
