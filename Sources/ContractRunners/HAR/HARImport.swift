import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// A cassette from a HAR capture of SSM traffic: its awsJson1_1 entries (POST with `X-Amz-Target` and an
/// `application/x-amz-json-1.1` body), redacted exactly as recording redacts; every other entry is skipped
/// and counted.
enum HARImport {
    /// The imported cassette and how many entries were skipped, with why.
    struct Result {
        var cassette: Cassette
        var skipped: [String: Int]
    }

    static func cassette(
        from document: JSONValue,
        file: String,
        source: CassetteSource,
        redaction: RedactionOptions
    ) throws(RunnerError) -> Result {
        guard let log = document["log"]?.objectValue else {
            throw RunnerError(
                "\(file): not a HAR file (no \"log\" object); export one from your browser's DevTools or proxy as HAR",
                status: .badInput
            )
        }
        guard let entries = log["entries"]?.arrayValue else {
            throw RunnerError("\(file): log.entries is missing or not an array; not a HAR 1.2 file", status: .badInput)
        }
        var interactions: [Interaction] = []
        var skipped: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            switch try interaction(entry, index: index, file: file) {
            case .success(let interaction):
                if source == .live, !LiveSource.isAWS(interaction.request.url) {
                    throw RunnerError(
                        "\(file): log.entries[\(index)] went to \(interaction.request.url), not an AWS endpoint, so it is not live; give --source mock:NAME@VERSION",
                        status: .badInput
                    )
                }
                do {
                    interactions.append(try interaction.redacted(redaction))
                } catch {
                    throw RunnerError(error.description, status: .badInput)
                }
            case .failure(let reason): skipped[reason.text, default: 0] += 1
            }
        }
        let header = try header(log, file: file, source: source, first: interactions.first)
        return Result(cassette: Cassette(header: header, interactions: interactions), skipped: skipped)
    }

    /// The entry as an interaction, or why it is skipped.
    /// - Throws: ``RunnerError`` for an awsJson1_1 entry that is malformed (it cannot be imported faithfully).
    static func interaction(
        _ entry: JSONValue,
        index: Int,
        file: String
    ) throws(RunnerError) -> Swift.Result<Interaction, Skip> {
        let place = "\(file): log.entries[\(index)]"
        guard let request = entry["request"]?.objectValue, let response = entry["response"]?.objectValue else {
            throw RunnerError("\(place): an entry needs request and response objects", status: .badInput)
        }
        let requestHeaders = try headers(request["headers"], place: place + ".request.headers")
        guard request["method"]?.stringValue?.uppercased() == "POST", requestHeaders["X-Amz-Target"] != nil,
            (requestHeaders["Content-Type"] ?? "").lowercased().hasPrefix("application/x-amz-json-1.1")
        else { return .failure(Skip(text: "not awsJson1_1")) }
        guard let url = request["url"]?.stringValue, let status = response["status"]?.intValue else {
            throw RunnerError("\(place): request.url and response.status are required", status: .badInput)
        }
        guard status > 0 else { return .failure(Skip(text: "no response (status 0)")) }
        let requestBody = try body(
            request["postData"]?["text"],
            encoding: request["postData"]?["_encoding"] ?? request["postData"]?["encoding"],
            place: place + ".request.postData"
        )
        let content = response["content"]
        let size = content?["size"]?.intValue ?? 0
        guard content?["text"] != nil || size == 0 else { return .failure(Skip(text: "response body not captured")) }
        let responseBody = try body(
            content?["text"],
            encoding: content?["encoding"],
            place: place + ".response.content"
        )
        let started = try startedAt(entry["startedDateTime"], place: place)
        let duration = entry["_ssmContractDuration"]?.doubleValue ?? (entry["time"]?.doubleValue ?? 0) / 1000
        return .success(
            Interaction(
                request: RecordedRequest(
                    method: "POST",
                    url: url,
                    headers: requestHeaders,
                    body: RecordedBody(capturing: requestBody)
                ),
                response: RecordedResponse(
                    status: status,
                    headers: try headers(response["headers"], place: place + ".response.headers"),
                    body: RecordedBody(capturing: responseBody)
                ),
                startedAt: started,
                duration: max(0, duration)
            )
        )
    }

    static func headers(_ value: JSONValue?, place: String) throws(RunnerError) -> HTTPHeaders {
        guard let list = value?.arrayValue else {
            throw RunnerError("\(place): expected an array of {name, value}", status: .badInput)
        }
        var headers = HTTPHeaders()
        for field in list {
            guard let name = field["name"]?.stringValue, let value = field["value"]?.stringValue else {
                throw RunnerError("\(place): every header needs a string name and value", status: .badInput)
            }
            // HTTP/2 captures carry pseudo-headers (:authority, :method); they are not header fields.
            if !name.hasPrefix(":") { headers.add(name: name, value: value) }
        }
        return headers
    }

    static func body(_ text: JSONValue?, encoding: JSONValue?, place: String) throws(RunnerError) -> Data {
        guard let text = text?.stringValue else { return Data() }
        guard encoding?.stringValue == "base64" else { return Data(text.utf8) }
        guard let data = Data(base64Encoded: text) else {
            throw RunnerError("\(place): the text is marked base64 but is not", status: .badInput)
        }
        return data
    }

    static func startedAt(_ value: JSONValue?, place: String) throws(RunnerError) -> String {
        guard let text = value?.stringValue else {
            throw RunnerError("\(place).startedDateTime is required", status: .badInput)
        }
        // Already the cassette's form.
        if text.count == 24, text.hasSuffix("Z"), text.dropFirst(19).first == "." { return text }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let date = (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
            throw RunnerError(
                "\(place).startedDateTime \"\(text)\" is not an ISO 8601 date and time",
                status: .badInput
            )
        }
        return Interaction.startedAt(date)
    }

    /// The cassette header: the one an ssm-contract export carries (its source must be `source`), else a new
    /// one saying where the data came from.
    static func header(
        _ log: JSONObject,
        file: String,
        source: CassetteSource,
        first: Interaction?
    ) throws(RunnerError) -> CassetteHeader {
        if var carried = log["_ssmContractCassette"]?.objectValue {
            carried["interactions"] = .array([])
            let header: CassetteHeader
            do {
                header = try Cassette(json: .object(carried), file: file + " (log._ssmContractCassette)").header
            } catch {
                throw RunnerError(error.description, status: .badInput)
            }
            guard header.source == source else {
                throw RunnerError(
                    "\(file): exported from a cassette whose source is \(header.source), not \(source); give --source \(header.source)",
                    status: .badInput
                )
            }
            return header
        }
        return CassetteHeader(
            source: source,
            recordedAt: first?.startedAt ?? Interaction.startedAt(Date()),
            description:
                "imported from the HAR file \(URL(fileURLWithPath: file).lastPathComponent) by ssm-contract har import"
        )
    }
}
