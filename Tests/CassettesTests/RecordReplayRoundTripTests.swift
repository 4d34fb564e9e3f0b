import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// Records through the real libcurl transport from the real loopback server, then replays with no network.
@Suite struct RecordReplayRoundTripTests {
    static let jsonBody = Data(
        #"{"CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3","RequestedDateTime":1.54208164084E9,"Comment":"caf\u00e9 ü","Count":-0.0}"#
            .utf8
    )
    static let binaryBody = Data((0...255).map { UInt8($0) } + [0xFF, 0xFE, 0x00])
    static let prettyBody = Data("{\n  \"Status\" : \"Success\",\n  \"Value\": 1.0e0\n}\n".utf8)
    static let htmlBody = Data("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8)

    static let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse = { request in
        switch request.headers["X-Amz-Target"] {
        case "AmazonSSM.Json":
            HTTPResponse(
                status: 200,
                headers: HTTPHeaders([
                    ("Content-Type", "application/x-amz-json-1.1"),
                    ("x-amzn-RequestId", "5e9c9b0e-0000-4000-8000-000000000001"), ("X-Dup", "a"), ("X-Dup", "b"),
                ]),
                body: jsonBody
            )
        case "AmazonSSM.Binary":
            HTTPResponse(
                status: 200,
                headers: HTTPHeaders([("Content-Type", "application/octet-stream")]),
                body: binaryBody
            )
        case "AmazonSSM.Pretty":
            HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json")]), body: prettyBody)
        default:
            HTTPResponse(status: 502, headers: HTTPHeaders([("Content-Type", "text/html")]), body: htmlBody)
        }
    }

    @Test func recordThenReplayReturnsByteIdenticalStatusHeadersAndBodies() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("round-trip.json")
            let operations = ["Json", "Binary", "Pretty", "Html"]
            let (live, replayed) = try await withUpstream(handler: Self.handler) { upstream in
                let requests = operations.map { ssmRequest($0, #"{"Op":"\#($0)"}"#, host: upstream.baseURL) }
                let live = try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: .init(source: .mock(name: "loopback", version: "1"))
                ) { transport in
                    var responses: [HTTPResponse] = []
                    for request in requests { responses.append(try await transport.send(request)) }
                    return responses
                }
                let countAfterRecording = upstream.requestCount
                #expect(countAfterRecording == 4)
                let replayed = try await CassetteTransport.withCassette(file: url, mode: .replay, upstream: nil) {
                    transport in
                    var responses: [HTTPResponse] = []
                    for request in requests.reversed() { responses.append(try await transport.send(request)) }
                    return Array(responses.reversed())
                }
                #expect(upstream.requestCount == countAfterRecording, "replay must not touch the network")
                return (live, replayed)
            }
            #expect(live.map(\.body) == [Self.jsonBody, Self.binaryBody, Self.prettyBody, Self.htmlBody])
            for (a, b) in zip(live, replayed) {
                #expect(a.status == b.status)
                #expect(a.headers.fields == b.headers.fields)
                #expect(a.body == b.body)
            }
            let stored = try Cassette.load(from: url).interactions.map(\.response.body)
            #expect(
                stored[0].json?["RequestedDateTime"] == .number(JSONNumber(literal: "1.54208164084E9")),
                "stored as JSON, literal kept"
            )
            #expect(stored[1] == .binary(Self.binaryBody))
            #expect(stored[2] == .text(String(decoding: Self.prettyBody, as: UTF8.self)))
        }
    }

    @Test func aMissInReplayNeverReachesTheUpstreamEvenWhenOneIsGiven() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette([interaction("ListCommands", request: [:], response: "{}")], in: folder)
            try await withUpstream { upstream in
                let transport = try CassetteTransport(file: url, mode: .replay, upstream: upstream.transport)
                await #expect(throws: CassetteMissError.self) {
                    try await transport.send(ssmRequest("GetCommandInvocation", "{}", host: upstream.baseURL))
                }
                _ = try await transport.send(ssmRequest("ListCommands", "{}", host: upstream.baseURL))
                #expect(upstream.requestCount == 0)
            }
        }
    }

    @Test func aRecordedPollingSequenceReplaysInOrderThenRepeatsOrFails() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("polling.json")
            let statuses = ["Pending", "InProgress", "Success"]
            try await withUpstream(handler: { [statuses] request in
                // The server answers from its own count of polls: Pending, InProgress, then Success.
                let n = Int(request.headers["X-Poll"] ?? "0") ?? 0
                return HTTPResponse(status: 200, body: Data(#"{"Status":"\#(statuses[min(n, 2)])"}"#.utf8))
            }) { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: .init(source: .mock(name: "loopback", version: "1"))
                ) { transport in
                    for n in 0..<3 {
                        var poll = ssmRequest(
                            "GetCommandInvocation",
                            #"{"CommandId":"c","InstanceId":"i-12345678"}"#,
                            host: upstream.baseURL
                        )
                        poll.headers.add(name: "X-Poll", value: "\(n)")
                        _ = try await transport.send(poll)
                    }
                }
                let poll = ssmRequest(
                    "GetCommandInvocation",
                    #"{"InstanceId":"i-12345678","CommandId":"c"}"#,
                    host: upstream.baseURL
                )
                let replayed = try await CassetteTransport.withCassette(file: url, mode: .replay, upstream: nil) {
                    transport in
                    var answers: [String] = []
                    for _ in 0..<5 { answers.append(text(try await transport.send(poll))) }
                    return answers
                }
                #expect(
                    replayed == statuses.map { #"{"Status":"\#($0)"}"# } + [
                        #"{"Status":"Success"}"#, #"{"Status":"Success"}"#,
                    ]
                )
                let strict = try CassetteTransport(
                    file: url,
                    mode: .replay,
                    upstream: nil,
                    options: .init(exhaustion: .fail)
                )
                for _ in 0..<3 { _ = try await strict.send(poll) }
                let error = await #expect(throws: CassetteMissError.self) { try await strict.send(poll) }
                #expect(error?.reason == .exhausted(recordedAnswers: [0, 1, 2]))
                #expect(upstream.requestCount == 3)
            }
        }
    }
}
