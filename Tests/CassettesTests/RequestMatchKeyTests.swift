import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// The match key replay indexes cassettes by agrees with matching: equal keys (and hashes) exactly for
/// requests that match.
@Suite struct RequestMatchKeyTests {
    static func request(
        _ body: String,
        target: String = "AmazonSSM.ListCommandInvocations",
        url: String = "https://ssm.us-east-1.amazonaws.com/"
    ) -> RecordedRequest {
        RecordedRequest(
            method: "POST",
            url: url,
            headers: ["X-Amz-Target": target],
            body: RecordedBody(capturing: Data(body.utf8))
        )
    }

    static let matcher = AWSJSONRequestMatcher()

    @Test(arguments: [
        (#"{"CommandId":"c","MaxResults":50}"#, #"{ "MaxResults": 5.0E1, "CommandId": "c" }"#),
        (#"{"A":[1,{"x":0,"y":"z"}]}"#, #"{"A":[1.0,{"y":"z","x":-0}]}"#),
        (#"{"A":1,"A":2}"#, #"{"A":2}"#),
        ("", ""),
    ])
    func matchingRequestsHaveEqualKeysAndHashes(pair: (String, String)) throws {
        let a = Self.request(pair.0)
        let b = Self.request(pair.1, url: "http://127.0.0.1:4566/")
        #expect(Self.matcher.matches(a, b))
        #expect(Self.matcher.differences(between: a, and: b).isEmpty)
        let keys = try (#require(Self.matcher.matchKey(a)), #require(Self.matcher.matchKey(b)))
        #expect(keys.0 == keys.1)
        #expect(keys.0.hashValue == keys.1.hashValue)
    }

    @Test(arguments: [
        (#"{"CommandId":"c"}"#, #"{"CommandId":"d"}"#),
        (#"{"A":[1,2]}"#, #"{"A":[2,1]}"#),
        (#"{"A":"1"}"#, #"{"A":1}"#),
        (#"{"A":1}"#, #"{"A":1,"B":null}"#),
        (#"{"A":1}"#, "not json"),
    ])
    func differentRequestsHaveDifferentKeys(pair: (String, String)) {
        let a = Self.request(pair.0)
        let b = Self.request(pair.1)
        #expect(!Self.matcher.matches(a, b))
        #expect(!Self.matcher.differences(between: a, and: b).isEmpty)
        #expect(Self.matcher.matchKey(a) != Self.matcher.matchKey(b))
    }

    @Test func theTargetAndTheHostWhenAskedArePartOfTheKey() {
        let a = Self.request("{}")
        let other = Self.request("{}", target: "AmazonSSM.ListCommands")
        #expect(Self.matcher.matchKey(a) != Self.matcher.matchKey(other))
        let local = Self.request("{}", url: "http://127.0.0.1:4566/")
        #expect(Self.matcher.matchKey(a) == Self.matcher.matchKey(local))
        let strict = AWSJSONRequestMatcher(matchesHost: true)
        #expect(strict.matchKey(a) != strict.matchKey(local))
    }

    @Test func aMatcherWithoutKeysStillReplaysByComparingEveryRequest() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("match-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorded = Interaction(
            request: Self.request(#"{"CommandId":"c"}"#),
            response: RecordedResponse(status: 200, headers: [:], body: .json(["Answer": 1])),
            startedAt: "2026-11-21T08:00:00.000Z",
            duration: 0.01
        )
        let file = folder.appendingPathComponent("c.json")
        try Cassette(
            header: CassetteHeader(
                source: .synthetic,
                recordedAt: "2026-11-21T08:00:00.000Z",
                description: "synthetic, written by RequestMatchKeyTests"
            ),
            interactions: [recorded]
        ).save(to: file)
        let byTarget = ClosureRequestMatcher { live, old in
            live.headers["X-Amz-Target"] == old.headers["X-Amz-Target"]
                ? [] : [RequestDifference(field: "X-Amz-Target", actual: "", recorded: "")]
        }
        let transport = try CassetteTransport(
            file: file,
            mode: .replay,
            upstream: nil,
            options: CassetteOptions(matcher: byTarget)
        )
        let response = try await transport.send(Self.request(#"{"CommandId":"other"}"#).httpRequest)
        #expect(response.body == Data(#"{"Answer":1}"#.utf8))
    }
}
