import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// Replay sanitizes only the header fields a matcher says it compares; a matcher that does not say sees them all.
@Suite struct ComparedHeadersTests {
    static let recorded = [
        interaction("GetCommandInvocation", request: ["CommandId": "abc"], response: #"{"Status":"Success"}"#)
    ]

    @Test func theDefaultMatcherComparesOnlyTheTargetAndTheHeadersItIsGiven() {
        #expect(AWSJSONRequestMatcher().comparedHeaders == ["X-Amz-Target"])
        #expect(AWSJSONRequestMatcher(matchedHeaders: ["X-Tenant"]).comparedHeaders == ["X-Amz-Target", "X-Tenant"])
        #expect(ClosureRequestMatcher { _, _ in [] }.comparedHeaders == nil)
    }

    @Test func aMatchedHeaderIsStillComparedAfterTheOthersAreDropped() async throws {
        try await withTemporaryFolder { folder in
            var recorded = Self.recorded
            recorded[0].request.headers.add(name: "X-Tenant", value: "blue")
            let url = try writeCassette(recorded, in: folder)
            let transport = try CassetteTransport(
                file: url,
                mode: .replay,
                upstream: nil,
                options: CassetteOptions(matcher: AWSJSONRequestMatcher(matchedHeaders: ["x-tenant"]))
            )
            var blue = ssmRequest("GetCommandInvocation", #"{"CommandId":"abc"}"#)
            blue.headers.add(name: "X-TENANT", value: "blue")
            #expect(text(try await transport.send(blue)) == #"{"Status":"Success"}"#)
            var red = ssmRequest("GetCommandInvocation", #"{"CommandId":"abc"}"#)
            red.headers.add(name: "X-Tenant", value: "red")
            let miss = await caughtError { _ = try await transport.send(red) } as? CassetteMissError
            #expect(miss?.differences.map(\.field) == ["x-tenant"])
        }
    }

    @Test func aMatcherThatDoesNotSayWhatItComparesSeesEveryHeaderRedacted() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let seen = SeenHeaders()
            let matcher = ClosureRequestMatcher { live, _ in
                seen.record(live.headers)
                return []
            }
            let transport = try CassetteTransport(
                file: url,
                mode: .replay,
                upstream: nil,
                options: CassetteOptions(matcher: matcher)
            )
            _ = try await transport.send(ssmRequest("GetCommandInvocation", #"{"CommandId":"abc"}"#))
            let headers = try #require(seen.last)
            #expect(headers["Content-Type"] == "application/x-amz-json-1.1")
            #expect(headers["X-Amz-Date"] != nil)
            let authorization = try #require(headers["Authorization"])
            #expect(authorization.contains(RedactionOptions.signatureMarker))
            #expect(!authorization.contains("AKIDEXAMPLE"))
        }
    }
}

/// The headers a matcher was last shown; lock-guarded, hence `@unchecked Sendable`.
final class SeenHeaders: @unchecked Sendable {
    private let lock = NSLock()
    private var headers: HTTPHeaders?
    func record(_ headers: HTTPHeaders) { lock.withLock { self.headers = headers } }
    var last: HTTPHeaders? { lock.withLock { headers } }
}
