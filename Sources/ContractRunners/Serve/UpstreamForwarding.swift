import Foundation
import HTTPTransport

/// Rewrites a request the replay server received into the one it forwards upstream (`--record-missing`):
/// the upstream's scheme and authority with the request's own path and query, without the header fields
/// that belong to the client's connection (libcurl sets `Host` and `Content-Length` itself).
///
/// The SDK signed the request for the replay server's address, so the upstream must not check SigV4
/// signatures against its own host name (a mock server such as moto does not); live AWS would reject it.
struct UpstreamForwarding: Sendable {
    /// `http(s)://host[:port]`, without a trailing slash.
    let base: String
    /// The header fields not forwarded (lower case): the connection's own, and for a re-signing proxy the
    /// SDK's signature.
    let dropped: Set<String>

    static let droppedHeaders = Set(ReplayResponses.hopByHopHeaders).union(["host", "content-length", "expect"])

    /// - Throws: ``ReplayServerError`` unless `url` is `http(s)://host[:port]` with no path beyond `/`
    ///   (a base path would be recorded into the cassette and break later matches).
    init(_ url: String, dropping extra: Set<String> = []) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw ReplayServerError(
                message:
                    "--upstream \(url): not an http(s) URL; give the endpoint to record from, e.g. http://127.0.0.1:5000",
                cannotListen: false
            )
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw ReplayServerError(
                message: "--upstream \(url): a path or query is not supported; give only scheme, host and port",
                cannotListen: false
            )
        }
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
        dropped = Self.droppedHeaders.union(extra)
    }

    /// `request` addressed to the upstream.
    func request(_ request: HTTPRequest) -> HTTPRequest {
        var forwarded = request
        let target =
            URLComponents(string: request.url).map {
                ($0.percentEncodedPath.isEmpty ? "/" : $0.percentEncodedPath)
                    + ($0.percentEncodedQuery.map { "?" + $0 } ?? "")
            } ?? "/"
        forwarded.url = base + target
        var headers = HTTPHeaders()
        for field in request.headers where !dropped.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        forwarded.headers = headers
        return forwarded
    }
}
