import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// The responses a replay server writes.
enum ReplayResponses {
    /// Header fields that describe one connection, not the message; the server manages its own.
    static let hopByHopHeaders = [
        "connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "trailer", "upgrade",
    ]

    /// `response` as stored, minus hop-by-hop header fields, with a `Content-Length` that disagrees with the
    /// body (a hand-edited cassette) corrected so the connection stays in step.
    static func forClient(_ response: HTTPResponse) -> HTTPResponse {
        var headers = HTTPHeaders()
        let length = String(response.body.count)
        for field in response.headers where !hopByHopHeaders.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
            let isLength = HTTPHeaders.sameName(field.name, "content-length")
            if isLength, headers.contains(name: "Content-Length") { continue }
            headers.add(name: field.name, value: isLength ? length : field.value)
        }
        return HTTPResponse(status: response.status, headers: headers, body: response.body)
    }

    /// The miss in one line, with the remedies spelled as `serve` options rather than the in-process ones.
    static func missLine(_ miss: CassetteMissError) -> String {
        miss.description
            .replacingOccurrences(
                of: "record it with SSM_CONTRACT_RECORD_MODE=record-missing",
                with: "record it with serve --record-missing --upstream URL"
            )
            .replacingOccurrences(
                of: "(SSM_CONTRACT_RECORD_MODE=record) or use ExhaustionPolicy.repeatLast",
                with: "or serve with --exhaustion repeat-last"
            )
    }

    /// `line`, a miss in cassette `file` (its absolute path), with the cassette named as the user gave it on the
    /// command line (`Recordings/x.json` stays relative): what the server prints and its summary lists.
    static func givenLine(_ line: String, file: String, cassettes: [URL]) -> String {
        guard line.hasPrefix(file), let given = cassettes.first(where: { $0.path == file })?.relativePath else {
            return line
        }
        return given + line.dropFirst(file.count)
    }

    /// `line`, a miss in cassette `file`, as a client sees it: the cassette named as the server was given it when
    /// that is a relative path inside the server's folder, else by its file name — the server's absolute paths
    /// (its folders, its user name) never leave it.
    static func clientLine(_ line: String, file: String, cassettes: [URL]) -> String {
        guard line.hasPrefix(file) else { return line }
        let given = cassettes.first { $0.path == file }?.relativePath ?? file
        return clientName(given) + line.dropFirst(file.count)
    }

    /// How a client sees a cassette's path given as `file` (see ``clientLine(_:file:cassettes:)``).
    static func clientName(_ file: String) -> String {
        let components = file.split(separator: "/", omittingEmptySubsequences: false)
        let inside = !file.hasPrefix("/") && !file.hasPrefix("~") && !components.contains("..")
        return inside ? file : (file as NSString).lastPathComponent
    }

    /// An awsJson1_1 error SDKs decode and show: `X-Amzn-ErrorType` and `{"__type": …, "message": …}`.
    static func error(type: String, message: String, status: Int = 400) -> HTTPResponse {
        let body: JSONValue = .object(JSONObject(["__type": .string(type), "message": .string(message)]))
        return HTTPResponse(
            status: status,
            headers: [
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amzn-ErrorType": type,
                "x-amzn-RequestId": UUID().uuidString.lowercased(),
            ],
            body: JSONWriter.data(body)
        )
    }
}
