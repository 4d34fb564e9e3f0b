import Foundation
import HTTPTransport

/// A transport that answers from a list, in order, and records what it was sent.
///
/// Only for pure state-machine tests (retry decisions, waiter acceptors, pagination): anything about bytes on the
/// wire goes through `CurlTransport` against a real server.
public final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `answers` and `sent` are only touched while holding `lock`.
    private let lock = NSLock()
    private var answers: [Result<HTTPResponse, any Error>]
    private var sent: [HTTPRequest] = []
    /// Reported as ``HTTPTransport/servesRecordedResponses``.
    public let servesRecordedResponses: Bool

    /// Creates a transport that gives `answers` one per request.
    public init(_ answers: [Result<HTTPResponse, any Error>], servesRecordedResponses: Bool = false) {
        self.answers = answers
        self.servesRecordedResponses = servesRecordedResponses
    }

    /// The requests sent so far.
    public var requests: [HTTPRequest] { lock.withLock { sent } }

    /// Answers the next scripted response; fails when the script is exhausted.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer: Result<HTTPResponse, any Error>? = lock.withLock {
            sent.append(request)
            return answers.isEmpty ? nil : answers.removeFirst()
        }
        guard let answer else {
            throw TransportError(
                code: .other,
                message: "script exhausted after \(requests.count - 1) answers",
                url: request.url
            )
        }
        return try answer.get()
    }

    /// A JSON response.
    public static func json(
        _ status: Int,
        _ body: String,
        headers: [(String, String)] = []
    ) -> Result<HTTPResponse, any Error> {
        .success(
            HTTPResponse(
                status: status,
                headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")] + headers),
                body: Data(body.utf8)
            )
        )
    }
}
