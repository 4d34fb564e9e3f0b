import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Synchronization
import Testing

@Suite struct CassetteModesTests {
    static let options = CassetteOptions(source: .mock(name: "loopback", version: "1"), description: "modes test")

    @Test func recordReplacesTheCassetteAndStampsEveryInteraction() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette([interaction("Old", request: [:], response: "{}")], in: folder)
            let fixed = Date(timeIntervalSince1970: 1_795_000_000.123)
            let options = CassetteOptions(source: .mock(name: "loopback", version: "1"), clock: { fixed })
            let report = try await withUpstream { upstream in
                let transport = try CassetteTransport(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: options
                )
                #expect(!transport.servesRecordedResponses)
                _ = try await transport.send(ssmRequest("ListCommands", "{}", host: upstream.baseURL))
                _ = try await transport.send(
                    ssmRequest("GetCommandInvocation", #"{"CommandId":"c"}"#, host: upstream.baseURL)
                )
                return try transport.finish()
            }
            #expect(report.recorded == 2 && report.wroteCassette && report.unused.isEmpty)
            let cassette = try Cassette.load(from: url)
            #expect(cassette.interactions.map(\.operation) == ["ListCommands", "GetCommandInvocation"])
            #expect(cassette.header.source == .mock(name: "loopback", version: "1"))
            #expect(cassette.header.recordedAt == "2026-11-18T11:06:40.123Z")
            #expect(cassette.interactions.allSatisfy { $0.startedAt == "2026-11-18T11:06:40.123Z" && $0.duration >= 0 })
        }
    }

    @Test func recordMissingReplaysWhatItHasAndRecordsTheRestIncludingLongerPolls() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(
                [
                    interaction(
                        "GetCommandInvocation",
                        request: ["CommandId": "c"],
                        response: #"{"Status":"InProgress"}"#
                    ),
                    interaction("ListCommands", request: [:], response: #"{"Commands":[]}"#),
                ],
                in: folder
            )
            let counter = Mutex(0)
            let report = try await withUpstream(handler: { _ in
                let n = counter.withLock {
                    $0 += 1
                    return $0
                }
                return HTTPResponse(status: 200, body: Data(#"{"Status":"Success","n":\#(n)}"#.utf8))
            }) { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .recordMissing,
                    upstream: upstream.transport,
                    options: .init()
                ) { transport in
                    let poll = ssmRequest("GetCommandInvocation", #"{"CommandId":"c"}"#, host: upstream.baseURL)
                    #expect(text(try await transport.send(poll)) == #"{"Status":"InProgress"}"#)
                    #expect(
                        text(try await transport.send(poll)) == #"{"Status":"Success","n":1}"#,
                        "a poll beyond the recording is recorded"
                    )
                    #expect(
                        text(
                            try await transport.send(
                                ssmRequest("DescribeInstanceInformation", "{}", host: upstream.baseURL)
                            )
                        ) == #"{"Status":"Success","n":2}"#
                    )
                    #expect(upstream.requestCount == 2)
                    return try transport.finish()
                }
            }
            #expect(report.replayed == 1 && report.recorded == 2 && report.wroteCassette)
            #expect(report.unused.map(\.index) == [1])
            let cassette = try Cassette.load(from: url)
            #expect(cassette.header.source == .synthetic, "the cassette keeps its source")
            #expect(
                cassette.interactions.map(\.operation) == [
                    "GetCommandInvocation", "ListCommands", "GetCommandInvocation", "DescribeInstanceInformation",
                ]
            )
        }
    }

    @Test func liveModePassesThroughAndWritesNothing() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("live.json")
            let report = try await withUpstream { upstream in
                let transport = try CassetteTransport(file: url, mode: .live, upstream: upstream.transport)
                #expect(
                    text(try await transport.send(ssmRequest("ListCommands", #"{"a":1}"#, host: upstream.baseURL)))
                        == #"{"a":1}"#
                )
                return try transport.finish()
            }
            #expect(report.passedThrough == 1 && !report.wroteCassette)
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test func aFailingBodyWritesNothingAndKeepsThePreviousCassette() async throws {
        struct Boom: Error {}
        try await withTemporaryFolder { folder in
            let url = try writeCassette([interaction("Old", request: [:], response: "{}")], in: folder)
            let before = try Data(contentsOf: url)
            await #expect(throws: Boom.self) {
                try await withUpstream { upstream in
                    try await CassetteTransport.withCassette(
                        file: url,
                        mode: .record,
                        upstream: upstream.transport,
                        options: Self.options
                    ) { transport in
                        _ = try await transport.send(ssmRequest("ListCommands", "{}", host: upstream.baseURL))
                        throw Boom()
                    }
                }
            }
            #expect(try Data(contentsOf: url) == before)
        }
    }

    @Test func concurrentRecordingKeepsEveryInteraction() async throws {
        try await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("concurrent.json")
            try await withUpstream { upstream in
                try await CassetteTransport.withCassette(
                    file: url,
                    mode: .record,
                    upstream: upstream.transport,
                    options: Self.options
                ) { transport in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for i in 0..<40 {
                            group.addTask {
                                _ = try await transport.send(
                                    ssmRequest(
                                        "GetCommandInvocation",
                                        #"{"CommandId":"c\#(i)"}"#,
                                        host: upstream.baseURL
                                    )
                                )
                            }
                        }
                        try await group.waitForAll()
                    }
                }
            }
            let ids = Set(
                try Cassette.load(from: url).interactions.compactMap {
                    $0.response.body.json?["CommandId"]?.stringValue
                }
            )
            #expect(ids == Set((0..<40).map { "c\($0)" }))
        }
    }
}
