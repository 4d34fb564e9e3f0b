import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// A cassette as a HAR 1.2 document (what browsers' DevTools, Postman and proxies read): one entry per
/// interaction, the request with `postData`, the response with `content.text` (base64 when not UTF-8), the
/// recorded start and duration as `startedDateTime`, `time` and `timings.wait`.
///
/// Two fields beyond HAR (custom fields start with `_`, which HAR readers ignore) make the way back exact:
/// `log._ssmContractCassette`, the cassette's header, and each entry's `_ssmContractDuration`, its duration in
/// seconds as recorded.
enum HARExport {
    static func document(_ cassette: Cassette) -> JSONValue {
        var header = cassette.jsonValue.objectValue ?? JSONObject()
        header["interactions"] = nil
        let log: JSONValue = .object(
            JSONObject([
                "version": "1.2",
                "creator": .object(
                    JSONObject(["name": "ssm-contract", "version": .string(ContractRunnersInfo.version)])
                ),
                "comment": .string(
                    "\(cassette.header.source) recording: \(cassette.header.description ?? "no description")"
                ),
                "entries": .array(cassette.interactions.map(entry)),
                "_ssmContractCassette": .object(header),
            ])
        )
        return .object(JSONObject(["log": log]))
    }

    static func entry(_ interaction: Interaction) -> JSONValue {
        let milliseconds = JSONValue.number(JSONNumber(interaction.duration * 1000))
        let request = interaction.request
        let response = interaction.response
        let bodyBytes = request.body.data
        var requestObject = JSONObject([
            "method": .string(request.method), "url": .string(request.url), "httpVersion": "HTTP/1.1", "cookies": [],
            "headers": headers(request.headers), "queryString": .array(queryString(request.url)),
        ])
        if !bodyBytes.isEmpty {
            var postData = JSONObject([
                "mimeType": .string(request.headers["Content-Type"] ?? "application/x-amz-json-1.1"),
                "text": .string(text(bodyBytes) ?? bodyBytes.base64EncodedString()),
            ])
            if text(bodyBytes) == nil { postData["_encoding"] = "base64" }
            requestObject["postData"] = .object(postData)
        }
        requestObject["headersSize"] = -1
        requestObject["bodySize"] = .number(JSONNumber(bodyBytes.count))
        let responseBytes = response.body.data
        var content = JSONObject([
            "size": .number(JSONNumber(responseBytes.count)),
            "mimeType": .string(response.headers["Content-Type"] ?? "application/x-amz-json-1.1"),
            "text": .string(text(responseBytes) ?? responseBytes.base64EncodedString()),
        ])
        if text(responseBytes) == nil { content["encoding"] = "base64" }
        let responseObject = JSONObject([
            "status": .number(JSONNumber(response.status)), "statusText": .string(statusText(response.status)),
            "httpVersion": "HTTP/1.1", "cookies": [], "headers": headers(response.headers), "content": .object(content),
            "redirectURL": "", "headersSize": -1, "bodySize": .number(JSONNumber(responseBytes.count)),
        ])
        return .object(
            JSONObject([
                "startedDateTime": .string(interaction.startedAt), "time": milliseconds,
                "request": .object(requestObject), "response": .object(responseObject), "cache": .object(JSONObject()),
                "timings": .object(JSONObject(["send": 0, "wait": milliseconds, "receive": 0])),
                "_ssmContractDuration": .number(JSONNumber(interaction.duration)),
            ])
        )
    }

    static func headers(_ headers: HTTPHeaders) -> JSONValue {
        .array(headers.map { .object(JSONObject(["name": .string($0.name), "value": .string($0.value)])) })
    }

    static func queryString(_ url: String) -> [JSONValue] {
        let query = URLParts(url).query
        guard !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return .object(JSONObject(["name": .string(parts[0]), "value": .string(parts.count > 1 ? parts[1] : "")]))
        }
    }

    static func text(_ bytes: Data) -> String? { String(validating: bytes, as: UTF8.self) }

    static func statusText(_ status: Int) -> String {
        [
            200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable",
        ][status] ?? ""
    }
}
