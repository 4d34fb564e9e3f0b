import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The replay server under hostile input: huge requests, bodies over the limit, bytes that are not HTTP/1.1,
/// and many connections at once. Every test is bounded by the suite's time limit, not by timed assertions.
@Suite(.timeLimit(.minutes(3))) struct ServeRobustnessTests {
    /// A GetCommandInvocation body with `members` top-level members besides the real two.
    static func hugeBody(members: Int) -> Data {
        var text = #"{"CommandId":"\#(ServeFixtures.commandID)","InstanceId":"\#(ServeFixtures.instanceID)""#
        text.reserveCapacity(members * 24)
        for i in 0..<members { text += #","Extra\#(i)":"value \#(i)""# }
        return Data((text + "}").utf8)
    }

    @Test func aMissOfARequestWithAHundredThousandMembersIsAnsweredAndNamesWhatDiffers() async throws {
        // Before: the miss compared member by member with a linear lookup each (quadratic): minutes.
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let (response, summary) = try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette]) { server in
                    var request = ReplayServerTests.poll(server.baseURL)
                    request.body = Self.hugeBody(members: 100_000)
                    return (try await curl.send(request), server.summary)
                }
            }
            #expect(response.status == 400)
            let message =
                try ServeFixtures.json(String(decoding: response.body, as: UTF8.self))["message"]?.stringValue ?? ""
            #expect(
                message.contains("closest is interactions[0] POST / AmazonSSM.GetCommandInvocation"),
                "\(message.prefix(300))"
            )
            #expect(message.contains(#"body.Extra0: "value 0" ≠ recorded missing"#))
            #expect(message.contains("; and 99994 more"))
            #expect(summary.misses.count == 1)
        }
    }

    @Test func sigtermDuringAHugeMissStopsTheServerAndPrintsTheSummary() async throws {
        let body = Self.hugeBody(members: 100_000)
        let finished = try await ServeCommandLineTests.withServe(["Recordings/mock-moto-5.2.1"]) { child, first in
            let line = try #require(first)
            let url = try #require(line.split(separator: " ").last.map(String.init))
            try await CurlTransport.withCurlTransport { curl in
                var request = ReplayServerTests.poll(url)
                request.body = body
                // The answer is not awaited: the signal arrives while the server is busy with the request or just after.
                let pending = Task { try? await curl.send(request) }
                child.signal(SIGTERM)
                _ = await pending.value
            }
        }
        #expect(finished.stdout.contains { $0.hasPrefix("served ") }, "\(finished.stdout)")
        #expect([0, 1].contains(finished.status), "status \(finished.status): \(finished.stderr)")
    }

    @Test func aBodyOverTheLimitGets413AndTheServerKeepsAnswering() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let options = ReplayServerOptions(maxBodyBytes: 10_000)
            let statuses = try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette], options: options) { server in
                    var big = ReplayServerTests.poll(server.baseURL)
                    big.body = Self.hugeBody(members: 1_000)  // about 25 kB
                    let refused = try await curl.send(big)
                    let answered = try await curl.send(ReplayServerTests.poll(server.baseURL))
                    return [refused.status, answered.status]
                }
            }
            #expect(statuses == [413, 200])
        }
    }

    @Test func theDefaultLimitRefusesAFiveMegabyteBody() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let status = try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette]) { server in
                    var big = ReplayServerTests.poll(server.baseURL)
                    big.body = Data(repeating: UInt8(ascii: " "), count: 5 << 20)
                    return try await curl.send(big).status
                }
            }
            #expect(status == 413)
        }
    }

    static let notHTTP: [(String, [UInt8])] = [
        ("garbage", Array("hello, is anybody there?\r\n\r\n".utf8)),
        ("an HTTP/2 preface", Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]),
        (
            "a TLS ClientHello",
            [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03] + Array(repeating: 0x2A, count: 32) + [
                0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00,
            ]
        ),
        (
            "an oversized header",
            Array(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(String(repeating: "a", count: 90_000))\r\n\r\n".utf8
            )
        ),
        ("a bad request line", Array("GET\u{7F} / HTTP/1.1\r\n\r\n".utf8)),
    ]

    @Test func bytesThatAreNotHTTP1Get400AndTheServerKeepsAnswering() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette]) { server in
                    for (name, bytes) in Self.notHTTP {
                        let answer = try await RawConnection.exchange(bytes, port: server.port)
                        #expect(
                            RawConnection.statusLine(answer) == "HTTP/1.1 400 Bad Request",
                            "\(name): \(String(decoding: answer.prefix(200), as: UTF8.self))"
                        )
                        let after = try await curl.send(ReplayServerTests.poll(server.baseURL))
                        #expect(after.status == 200, "after \(name)")
                    }
                }
            }
        }
    }
}
