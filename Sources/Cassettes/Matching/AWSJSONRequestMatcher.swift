import Foundation
import HTTPTransport
import RawJSON

/// The default matcher, built for awsJson1_1 where every call is `POST /` told apart by `X-Amz-Target`.
///
/// Compares the method, the URL path and query, `X-Amz-Target`, and the body — as parsed JSON when both sides
/// are JSON (key order, whitespace and number spelling do not matter), byte for byte otherwise. It never looks
/// at any other header, so `Authorization`, `X-Amz-Date`, `X-Amz-Security-Token`, `User-Agent`, `amz-sdk-*`,
/// `Content-Length`, `Host` and the like can differ freely. Scheme, host and port are ignored unless
/// ``matchesHost`` is set, so a cassette recorded against AWS replays against a local endpoint.
public struct AWSJSONRequestMatcher: RequestMatcher {
    /// Whether scheme, host and port must match too.
    public var matchesHost: Bool
    /// Further headers whose values must match (case-insensitive names), beyond `X-Amz-Target`.
    public var matchedHeaders: [String]

    public init(matchesHost: Bool = false, matchedHeaders: [String] = []) {
        self.matchesHost = matchesHost
        self.matchedHeaders = matchedHeaders
    }

    /// Whether the two requests have the same ``matchKey(_:)``.
    public func matches(_ request: RecordedRequest, _ recorded: RecordedRequest) -> Bool {
        matchKey(request) == matchKey(recorded)
    }

    /// Method, path, sorted query, `X-Amz-Target` and ``matchedHeaders`` values, the origin when
    /// ``matchesHost``, and the body (semantic JSON, or bytes).
    public func matchKey(_ request: RecordedRequest) -> RequestMatchKey? {
        let parts = URLParts(request.url)
        var fields: [[String]] = [
            [request.method], [parts.matchedPath], parts.sortedQuery, request.headers.values(for: "X-Amz-Target"),
        ]
        for name in matchedHeaders { fields.append(request.headers.values(for: name)) }
        if matchesHost { fields.append([parts.origin]) }
        return RequestMatchKey(fields: fields, body: RequestMatchKey.Body(request.body))
    }

    /// `X-Amz-Target` and ``matchedHeaders``: the only header fields compared.
    public var comparedHeaders: [String]? { ["X-Amz-Target"] + matchedHeaders }

    public func differences(between request: RecordedRequest, and recorded: RecordedRequest) -> [RequestDifference] {
        var result: [RequestDifference] = []
        if request.method != recorded.method {
            result.append(RequestDifference(field: "method", actual: request.method, recorded: recorded.method))
        }
        let live = URLParts(request.url)
        let old = URLParts(recorded.url)
        if matchesHost, live.origin != old.origin {
            result.append(RequestDifference(field: "host", actual: live.origin, recorded: old.origin))
        }
        if live.matchedPath != old.matchedPath {
            result.append(RequestDifference(field: "path", actual: live.matchedPath, recorded: old.matchedPath))
        }
        if live.sortedQuery != old.sortedQuery {
            result.append(RequestDifference(field: "query", actual: live.query.display, recorded: old.query.display))
        }
        for name in ["X-Amz-Target"] + matchedHeaders {
            let a = request.headers.values(for: name)
            let b = recorded.headers.values(for: name)
            if a != b {
                result.append(
                    RequestDifference(
                        field: name,
                        actual: a.isEmpty ? "missing" : a.joined(separator: ", "),
                        recorded: b.isEmpty ? "missing" : b.joined(separator: ", ")
                    )
                )
            }
        }
        result += BodyDifferences.between(request.body, and: recorded.body)
        return result
    }
}

extension URLParts {
    /// The path the matcher compares: `/` when the URL has none.
    var matchedPath: String { path.isEmpty ? "/" : path }

    /// The query's parameters in sorted order (parameter order does not change the request's meaning).
    var sortedQuery: [String] { query.isEmpty ? [] : query.split(separator: "&").map(String.init).sorted() }
}

extension String {
    /// The value for messages: `missing` when empty.
    var display: String { isEmpty ? "missing" : self }
}
