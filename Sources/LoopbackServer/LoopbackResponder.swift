import Foundation
import Hummingbird
import HummingbirdCore

/// Turns a Hummingbird request into the transport's ``TransportRequest``, records it, asks the handler, and
/// writes its response exactly as given (adding only a missing `Content-Length`).
enum LoopbackResponder {
    /// swift-http-types' `HTTPField` (Hummingbird re-exports only `HTTPFields`).
    typealias Field = HTTPFields.Element

    static func respond(
        to request: Request,
        writer: consuming ResponseWriter,
        host: String,
        log: RequestLog,
        maxBodyBytes: Int,
        rejected: @Sendable (LoopbackRejection) -> Void,
        handler: LoopbackHTTPServer.Handler
    ) async throws {
        guard let body = try await collectBody(of: request, upTo: maxBodyBytes) else {
            rejected(.bodyTooLarge)
            let refusal = TransportResponse(
                status: 413,
                headers: ["Content-Type": "text/plain; charset=utf-8", "Connection": "close"],
                body: Data("request body larger than \(maxBodyBytes) bytes\n".utf8)
            )
            let (head, bytes) = try wireResponse(refusal, forHEAD: request.method == .head)
            try await writer.write(response: head, body: bytes.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
            // The rest of the body is never read: end the connection.
            throw LoopbackConnectionFault.closeWithoutAnswer
        }
        let received = transportRequest(request, body: body, host: host)
        log.append(received)
        let response: TransportResponse
        do {
            response = try await handler(received)
        } catch let fault as LoopbackConnectionFault {
            if case .truncated(let full, let kept) = fault {
                let (head, bytes) = try wireResponse(full, forHEAD: false)
                let part = bytes.map { ByteBuffer(bytes: $0.readableBytesView.prefix(max(0, kept))) }
                try await writer.write(
                    response: head,
                    body: part.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody()
                )
            }
            throw fault  // Hummingbird closes a connection whose responder throws
        } catch is CancellationError {
            throw LoopbackConnectionFault.closeWithoutAnswer  // the server is stopping
        } catch {
            response = TransportResponse(
                status: 500,
                headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: Data("loopback handler failed: \(error)\n".utf8)
            )
        }
        let wire: (HTTPResponse, ByteBuffer?)
        do {
            wire = try wireResponse(response, forHEAD: request.method == .head)
        } catch {
            let failure = TransportResponse(
                status: 500,
                headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: Data("\(error)\n".utf8)
            )
            wire = try wireResponse(failure, forHEAD: request.method == .head)
        }
        let (head, bytes) = wire
        try await writer.write(response: head, body: bytes.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }

    /// The whole body, or `nil` when it is (or announces itself as) longer than `limit` bytes; a longer body
    /// is not read beyond the limit.
    static func collectBody(of request: Request, upTo limit: Int) async throws -> Data? {
        if let announced = request.headers[.contentLength].flatMap({ Int($0) }), announced > limit { return nil }
        var collected = Data()
        for try await chunk in request.body {
            guard chunk.readableBytes <= limit - collected.count else { return nil }
            collected.append(contentsOf: chunk.readableBytesView)
        }
        return collected
    }

    /// The request as the transport models it. `Host` (which HTTP types keep apart as the authority) comes
    /// first; the URL is the server's base URL + target, or `http://HOST` + target when `Host` names another
    /// server (an absolute-form request, as sent to a proxy).
    static func transportRequest(_ request: Request, body: Data, host: String) -> TransportRequest {
        var headers = TransportHeaders()
        let authority = request.head.authority
        if let authority { headers.add(name: "Host", value: authority) }
        for field in request.headers { headers.add(name: field.name.rawName, value: field.value) }
        let target = request.head.path ?? "/"
        let base = "http://\(authority ?? host)"
        return TransportRequest(method: request.method.rawValue, url: base + target, headers: headers, body: body)
    }

    /// The response head and body to write; `nil` body for none.
    /// - Throws: ``LoopbackServerError`` for a header name HTTP does not allow.
    static func wireResponse(_ response: TransportResponse, forHEAD: Bool) throws -> (HTTPResponse, ByteBuffer?) {
        var fields = HTTPFields()
        var hasLength = false
        for field in response.headers {
            guard let name = Field.Name(field.name) else {
                throw LoopbackServerError(message: "loopback handler returned an invalid header name \"\(field.name)\"")
            }
            hasLength = hasLength || name == .contentLength || name == .transferEncoding
            fields.append(Field(name: name, value: field.value))
        }
        let status = response.status
        let mayHaveBody = !(100..<200).contains(status) && status != 204 && status != 304
        if !hasLength && mayHaveBody {
            fields.append(Field(name: .contentLength, value: String(response.body.count)))
        }
        let head = HTTPResponse(status: .init(code: status), headerFields: fields)
        guard mayHaveBody, !forHEAD, !response.body.isEmpty else { return (head, nil) }
        return (head, ByteBuffer(bytes: response.body))
    }
}
