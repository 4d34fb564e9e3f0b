import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import LoopbackServer
import RawJSON
import TestSupport
import Testing

/// The replay server in process: byte-exact answers, polling across cassettes, misses, hop-by-hop headers,
/// recording misses from an upstream, bad input.
@Suite(.timeLimit(.minutes(2))) struct ReplayServerTests {
    @Test(arguments: ["Recordings/mock-moto-5.2.1", "Recordings/aws-docs"])
    func committedRecordingsAnswerTheirOwnRequestsByteForByte(folder: String) async throws {
        let files = try VerifyRunnerFiles.sorted(folder)
        let cassettes = try files.map { try Cassette.load(from: $0) }
        let summary = try await CurlTransport.withCurlTransport { curl in
            try await ReplayServer.withServer(cassettes: files) { server in
                for (file, cassette) in zip(files, cassettes) {
                    for (index, interaction) in cassette.interactions.enumerated() {
                        let response = try await curl.send(ServeFixtures.replayRequest(interaction, to: server.baseURL))
                        let place = "\(file.lastPathComponent) interactions[\(index)]"
                        #expect(response.status == interaction.response.status, "\(place)")
                        #expect(response.body == interaction.response.body.data, "\(place)")
                        #expect(
                            response.headers.map { "\($0.name): \($0.value)" }
                                == ServeFixtures.expectedHeaders(interaction.response),
                            "\(place)"
                        )
                    }
                }
                return server.summary
            }
        }
        #expect(summary.answered == cassettes.reduce(0) { $0 + $1.interactions.count })
        #expect(summary.misses.isEmpty)
        #expect(summary.unusedCount == 0)
        #expect(summary.status(strict: true) == .success)
    }

    @Test func aPollAnswersInOrderAcrossCassettesThenRepeatsTheLast() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let first = try ServeFixtures.writePollingCassette(in: folder, name: "a.json")
            let second = try ServeFixtures.writePollingCassette(in: folder, name: "b.json")
            let statuses = try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [first, second]) { server in
                    var statuses: [String] = []
                    for _ in 0..<8 {
                        let response = try await curl.send(Self.poll(server.baseURL))
                        statuses.append(
                            try ServeFixtures.json(String(decoding: response.body, as: UTF8.self)).objectValue![
                                "Status"
                            ]!.stringValue!
                        )
                    }
                    let reports = server.summary.cassettes
                    #expect(reports.map(\.replayed) == [3, 5])
                    return statuses
                }
            }
            #expect(
                statuses == [
                    "Pending", "InProgress", "Success", "Pending", "InProgress", "Success", "Success", "Success",
                ]
            )
        }
    }

    @Test func withExhaustionFailTheFourthPollIsAReplayMiss() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let file = try ServeFixtures.writePollingCassette(in: folder)
            try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [file], options: ReplayServerOptions(exhaustion: .fail)) {
                    server in
                    for _ in 0..<3 { #expect(try await curl.send(Self.poll(server.baseURL)).status == 200) }
                    let fourth = try await curl.send(Self.poll(server.baseURL))
                    #expect(fourth.status == 400)
                    #expect(fourth.headers["X-Amzn-ErrorType"] == "ReplayMiss")
                    let message = try ServeFixtures.json(String(decoding: fourth.body, as: UTF8.self)).objectValue?[
                        "message"
                    ]?.stringValue
                    #expect(
                        message?.contains("was asked for the 4th time but the cassette recorded only 3 answers") == true
                    )
                    #expect(
                        message?.hasSuffix(
                            "and the exhaustion policy is fail; record a longer sequence or serve with --exhaustion repeat-last"
                        ) == true
                    )
                    #expect(server.summary.misses.count == 1)
                    #expect(server.summary.status(strict: false) == .violation)
                }
            }
        }
    }

    @Test func aMissIsAnAWSJSONErrorCarryingTheMissLine() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let file = try ServeFixtures.writePollingCassette(in: folder)
            let logged = LineLog()
            try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(
                    cassettes: [file],
                    options: ReplayServerOptions(log: { logged.append($0) })
                ) { server in
                    var request = Self.poll(server.baseURL)
                    request.headers.replaceOrAdd(name: "X-Amz-Target", value: "AmazonSSM.ListCommands")
                    let response = try await curl.send(request)
                    #expect(response.status == 400)
                    #expect(response.headers["Content-Type"] == "application/x-amz-json-1.1")
                    #expect(response.headers["X-Amzn-ErrorType"] == ReplayServer.missErrorType)
                    let body = try ServeFixtures.json(String(decoding: response.body, as: UTF8.self)).objectValue
                    #expect(body?.keys == ["__type", "message"])
                    #expect(body?["__type"]?.stringValue == "ReplayMiss")
                    let message = try #require(body?["message"]?.stringValue)
                    // The client gets the cassette's file name (the server was given an absolute path); the log keeps the path.
                    #expect(
                        message.hasPrefix(
                            "polling.json: no recorded interaction matches POST / AmazonSSM.ListCommands {\"InstanceId\":\"\(ServeFixtures.instanceID)\""
                        )
                    )
                    #expect(
                        message.contains(
                            "; closest is interactions[0] POST / AmazonSSM.GetCommandInvocation {\"CommandId\":\"\(ServeFixtures.commandID)\""
                        )
                    )
                    #expect(
                        message.hasSuffix(
                            ": X-Amz-Target: AmazonSSM.ListCommands ≠ recorded AmazonSSM.GetCommandInvocation; record it with serve --record-missing --upstream URL"
                        )
                    )
                    #expect(logged.lines == ["miss: \(file.path)" + message.dropFirst("polling.json".count)])
                }
            }
        }
    }

    @Test func hopByHopHeadersAreTheServersOwnAndTheConnectionIsReused() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let extra: HTTPHeaders = [
                "Connection": "close", "Keep-Alive": "timeout=5", "Transfer-Encoding": "chunked",
                "Content-Length": "999",
            ]
            let interaction = ServeFixtures.interaction(
                "ListCommands",
                request: [:],
                response: ["Commands": []],
                extraHeaders: extra
            )
            let file = folder.appendingPathComponent("hop.json")
            try Cassette(
                header: CassetteHeader(source: .synthetic, recordedAt: "2026-11-21T08:00:00.000Z"),
                interactions: [interaction]
            ).save(to: file)
            try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [file]) { server in
                    let request = ServeFixtures.replayRequest(interaction, to: server.baseURL)
                    for _ in 0..<3 {
                        let response = try await curl.send(request)
                        #expect(response.body == Data(#"{"Commands":[]}"#.utf8))
                        #expect(
                            !response.headers.contains(name: "Keep-Alive")
                                && !response.headers.contains(name: "Transfer-Encoding")
                        )
                        #expect(response.headers["Connection"] == nil)
                        #expect(response.headers.values(for: "Content-Length") == ["15"])
                    }
                    #expect(curl.statistics.connectionsOpened == 1)
                }
            }
        }
    }

    @Test func missesAreRecordedFromTheUpstreamIntoTheFirstCassette() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let target = folder.appendingPathComponent("recorded.json")
            let replayOnly = try ServeFixtures.writePollingCassette(in: folder)
            let upstreamBody = Data(#"{"Commands":[],"NextToken":"n1"}"#.utf8)
            try await LoopbackHTTPServer.withServer(handler: { _ in
                HTTPResponse(
                    status: 200,
                    headers: ["Content-Type": "application/x-amz-json-1.1", "Connection": "close"],
                    body: upstreamBody
                )
            }) { upstream in
                try await CurlTransport.withCurlTransport { curl in
                    try await ReplayServer.withServer(
                        cassettes: [target, replayOnly],
                        options: ReplayServerOptions(
                            upstream: upstream.baseURL,
                            recordingSource: .mock(name: "loopback", version: "1")
                        )
                    ) { server in
                        var list = HTTPRequest(
                            method: "POST",
                            url: server.baseURL + "/",
                            headers: [
                                "X-Amz-Target": "AmazonSSM.ListCommands", "Content-Type": "application/x-amz-json-1.1",
                                "Authorization":
                                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=abc123",
                            ]
                        )
                        list.body = Data("{}".utf8)
                        let recorded = try await curl.send(list)
                        #expect(recorded.body == upstreamBody)
                        let replayed = try await curl.send(Self.poll(server.baseURL))
                        #expect(replayed.status == 200)  // from the replay-only cassette
                        #expect(upstream.requestCount == 1)
                        #expect(upstream.receivedRequests[0].headers["Host"] == "127.0.0.1:\(upstream.port)")
                        #expect(server.summary.recorded == 1)
                    }
                }
            }
            let written = try Cassette.load(from: target)
            #expect(written.header.source == .mock(name: "loopback", version: "1"))
            #expect(written.interactions.count == 1)
            #expect(written.interactions[0].response.body.data == upstreamBody)
            let authorization = written.interactions[0].request.headers["Authorization"] ?? ""
            #expect(!authorization.contains("AKIAIOSFODNN7EXAMPLE") && !authorization.contains("abc123"))
        }
    }

    @Test func aMalformedCassetteIsTheCassetteErrorAndABusyPortCannotListen() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let broken = folder.appendingPathComponent("broken.json")
            try Data(#"{"format":"ssm-contract.cassette","version":1}"#.utf8).write(to: broken)
            let error = await #expect(throws: CassetteError.self) {
                try await ReplayServer.withServer(cassettes: [broken]) { _ in }
            }
            #expect(error?.file == broken.path)
            let good = try ServeFixtures.writePollingCassette(in: folder)
            try await withRefusingPort { port in
                let busy = await #expect(throws: ReplayServerError.self) {
                    try await ReplayServer.withServer(cassettes: [good], options: ReplayServerOptions(port: port)) {
                        _ in
                    }
                }
                #expect(busy?.cannotListen == true)
                #expect(busy?.message.hasPrefix("port \(port) on 127.0.0.1 is already in use") == true)
            }
        }
    }

    static func poll(_ baseURL: String) -> HTTPRequest {
        HTTPRequest(
            method: "POST",
            url: baseURL + "/",
            headers: [
                "X-Amz-Target": "AmazonSSM.GetCommandInvocation", "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Date": "20261121T080000Z",
            ],
            body: Data(#"{"InstanceId":"\#(ServeFixtures.instanceID)","CommandId":"\#(ServeFixtures.commandID)"}"#.utf8)
        )
    }
}

/// The cassette files of a folder in the order `serve` loads them.
enum VerifyRunnerFiles {
    static func sorted(_ folder: String) throws -> [URL] {
        try CassetteSearch.find([PackageRoot.path(folder).path]).files
    }
}
