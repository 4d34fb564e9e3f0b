import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

@Suite struct RequestMatchingTests {
    static let recorded = [
        interaction(
            "GetCommandInvocation",
            request: ["CommandId": "def", "InstanceId": "i-0123456789abcdef0"],
            response: #"{"Status":"Success"}"#
        ),
        interaction(
            "ListCommandInvocations",
            request: ["CommandId": "def", "Details": true, "MaxResults": 50],
            response: #"{"CommandInvocations":[]}"#
        ),
        interaction("GetParameter", request: ["Name": "/x"], response: #"{"Parameter":{"Name":"/x"}}"#),
        interaction("DeleteParameter", request: ["Name": "/x"], response: #"{}"#),
    ]

    @Test func reorderedKeysWhitespaceAndNumberSpellingStillMatch() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let response = try await transport.send(
                ssmRequest(
                    "ListCommandInvocations",
                    "{\n  \"MaxResults\" : 5.0E1,\n  \"Details\": true, \"CommandId\":\"def\"\n}",
                    host: "http://127.0.0.1:4566"
                )
            )
            #expect(text(response) == #"{"CommandInvocations":[]}"#)
            #expect(transport.servesRecordedResponses)
        }
    }

    @Test func sameBodyDifferentTargetGetsItsOwnAnswer() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            #expect(text(try await transport.send(ssmRequest("DeleteParameter", #"{"Name":"/x"}"#))) == "{}")
            #expect(
                text(try await transport.send(ssmRequest("GetParameter", #"{"Name":"/x"}"#)))
                    == #"{"Parameter":{"Name":"/x"}}"#
            )
        }
    }

    @Test func aDifferentTargetMissesAndTheMessageNamesTheClosestRequestAndTheDifference() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let error = await #expect(throws: CassetteMissError.self) {
                try await transport.send(
                    ssmRequest("ListCommands", #"{"CommandId":"abc","InstanceId":"i-0123456789abcdef0"}"#)
                )
            }
            let message = try #require(error).description
            print("miss message: \(message)")
            #expect(
                message
                    == "\(url.path): no recorded interaction matches POST / AmazonSSM.ListCommands {\"CommandId\":\"abc\",\"InstanceId\":\"i-0123456789abcdef0\"}; closest is interactions[0] POST / AmazonSSM.GetCommandInvocation {\"CommandId\":\"def\",\"InstanceId\":\"i-0123456789abcdef0\"}: X-Amz-Target: AmazonSSM.ListCommands ≠ recorded AmazonSSM.GetCommandInvocation; body.CommandId: \"abc\" ≠ recorded \"def\"; record it with SSM_CONTRACT_RECORD_MODE=record-missing"
            )
        }
    }

    @Test func theClosestRequestPrefersTheSameOperationThenFewestDifferences() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let error = await #expect(throws: CassetteMissError.self) {
                try await transport.send(
                    ssmRequest("ListCommandInvocations", #"{"CommandId":"def","Details":false,"NextToken":"t1"}"#)
                )
            }
            let miss = try #require(error)
            #expect(miss.closestIndex == 1)
            #expect(
                miss.differences.map(\.description) == [
                    "body.Details: false ≠ recorded true", "body.NextToken: \"t1\" ≠ recorded missing",
                    "body.MaxResults: missing ≠ recorded 50",
                ]
            )
        }
    }

    @Test func methodPathQueryAndNonJSONBodiesAreCompared() {
        let matcher = AWSJSONRequestMatcher()
        let recorded = RecordedRequest(method: "GET", url: "https://h/a/b?x=1&y=2", headers: [:], body: .text("plain"))
        let same = RecordedRequest(
            method: "GET",
            url: "http://other:8080/a/b?y=2&x=1",
            headers: ["Authorization": "z"],
            body: .text("plain")
        )
        #expect(matcher.differences(between: same, and: recorded).isEmpty)
        let different = RecordedRequest(method: "PUT", url: "https://h/a/c?x=2", headers: [:], body: .text("plane"))
        #expect(
            matcher.differences(between: different, and: recorded).map(\.description) == [
                "method: PUT ≠ recorded GET", "path: /a/c ≠ recorded /a/b", "query: x=2 ≠ recorded x=1&y=2",
                "body: text \"plane\", first difference at byte 3 ≠ recorded text \"plain\"",
            ]
        )
        let strict = AWSJSONRequestMatcher(matchesHost: true, matchedHeaders: ["X-Tenant"])
        #expect(strict.differences(between: same, and: recorded).map(\.field) == ["host"])
    }

    @Test func theFastMatchAgreesWithTheDifferences() {
        let bodies: [RecordedBody] = [
            .empty, .json(["a": 1, "b": [1, 2]]), .json(["b": [1, 2], "a": 1.0]), .text("{\"a\": 1, \"b\": [1,2]}"),
            .text("plain"),
            .binary(Data([0xFF])), .json(["a": 2]),
        ]
        let requests = bodies.flatMap { body in
            ["AmazonSSM.A", "AmazonSSM.B"].flatMap { target in
                ["https://h/", "http://127.0.0.1:1/", "https://h/x?q=1"].map { url in
                    RecordedRequest(method: "POST", url: url, headers: ["X-Amz-Target": target], body: body)
                }
            }
        }
        for matcher in [AWSJSONRequestMatcher(), AWSJSONRequestMatcher(matchesHost: true)] {
            for a in requests {
                for b in requests {
                    #expect(matcher.matches(a, b) == matcher.differences(between: a, and: b).isEmpty, "\(a) vs \(b)")
                }
            }
        }
    }

    @Test func aCustomMatcherDecides() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.recorded, in: folder)
            let anyGet = ClosureRequestMatcher { live, recorded in
                live.headers["X-Amz-Target"] == recorded.headers["X-Amz-Target"]
                    ? [] : [RequestDifference(field: "target", actual: "a", recorded: "b")]
            }
            let transport = try CassetteTransport(
                file: url,
                mode: .replay,
                upstream: nil,
                options: .init(matcher: anyGet)
            )
            let response = try await transport.send(ssmRequest("GetCommandInvocation", #"{"CommandId":"zzz"}"#))
            #expect(text(response) == #"{"Status":"Success"}"#)
        }
    }

    @Test func anEmptyCassetteSaysSo() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette([], in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let error = await #expect(throws: CassetteMissError.self) {
                try await transport.send(ssmRequest("ListCommands", "{}"))
            }
            #expect(error?.description.contains("; the cassette has no interactions;") == true)
        }
    }
}
