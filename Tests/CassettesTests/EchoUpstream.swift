import Foundation
import HTTPTransport
import Synchronization

/// A tiny in-process upstream used only where no network is wanted: answers with the request body echoed, and
/// counts calls. Record paths are exercised against the real loopback server in the loopback suites.
final class EchoUpstream: HTTPTransport {
    private let calls = Mutex(0)

    var callCount: Int { calls.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let n = calls.withLock { count -> Int in
            count += 1
            return count
        }
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/x-amz-json-1.1", "X-Call": "\(n)"], body: request.body)
    }
}
