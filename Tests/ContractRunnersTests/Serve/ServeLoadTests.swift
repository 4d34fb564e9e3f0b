import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

/// The replay server under 64 concurrent keep-alive connections: every answer is one of the recorded answers
/// of its request, byte for byte, and nothing fails. Runs `SSM_CONTRACT_SERVE_LOAD_SECONDS` seconds (default 5
/// in `make test`; `make load-serve` runs the full 30).
@Suite(.timeLimit(.minutes(3))) struct ServeLoadTests {
    static let connections = 64

    static var seconds: Int {
        ProcessInfo.processInfo.environment["SSM_CONTRACT_SERVE_LOAD_SECONDS"].flatMap { Int($0) }.map {
            min(max($0, 1), 120)
        } ?? 5
    }

    struct Tally: Sendable {
        var requests = 0
        var errors: [String] = []
        var wrongBodies: [String] = []
    }

    /// A status and body as one comparable value.
    static func answer(_ status: Int, _ body: Data) -> String { "\(status)\n" + body.base64EncodedString() }

    @Test func sixtyFourConnectionsGetEveryAnswerRight() async throws {
        let files = try VerifyRunnerFiles.sorted("Recordings/mock-moto-5.2.1")
        let interactions = try files.flatMap { try Cassette.load(from: $0).interactions }
        // What each distinct request may be answered with: any of its recorded answers (polls repeat the last).
        var answers: [RequestMatchKey: Set<String>] = [:]
        let matcher = AWSJSONRequestMatcher()
        for interaction in interactions {
            answers[matcher.matchKey(interaction.request)!, default: []].insert(
                Self.answer(interaction.response.status, interaction.response.body.data)
            )
        }
        let allowed = answers
        let deadline = ContinuousClock.now + .seconds(Self.seconds)
        var configuration = CurlTransport.Configuration()
        configuration.maxConnectionsPerHost = Self.connections
        configuration.proxy = ProxySettings()
        let (tally, statistics, summary) = try await CurlTransport.withCurlTransport(configuration: configuration) {
            curl in
            try await ReplayServer.withServer(cassettes: files) { server in
                let tally = await withTaskGroup(of: Tally.self) { group in
                    for worker in 0..<Self.connections {
                        group.addTask {
                            var tally = Tally()
                            var turn = worker
                            // At least one request per connection, however late a starved worker starts.
                            repeat {
                                let interaction = interactions[turn % interactions.count]
                                turn += 1
                                tally.requests += 1
                                do {
                                    let response = try await curl.send(
                                        ServeFixtures.replayRequest(interaction, to: server.baseURL)
                                    )
                                    let key = matcher.matchKey(interaction.request)!
                                    if allowed[key]?.contains(Self.answer(response.status, response.body)) != true {
                                        tally.wrongBodies.append(
                                            "\(response.status) \(String(decoding: response.body.prefix(120), as: UTF8.self))"
                                        )
                                    }
                                } catch {
                                    tally.errors.append("\(error)")
                                }
                            } while ContinuousClock.now < deadline
                            return tally
                        }
                    }
                    var total = Tally()
                    for await part in group {
                        total.requests += part.requests
                        total.errors += part.errors
                        total.wrongBodies += part.wrongBodies
                    }
                    return total
                }
                return (tally, curl.statistics, server.summary)
            }
        }
        #expect(tally.errors.isEmpty, "\(tally.errors.count) errors, first: \(tally.errors.first ?? "")")
        #expect(
            tally.wrongBodies.isEmpty,
            "\(tally.wrongBodies.count) wrong bodies, first: \(tally.wrongBodies.first ?? "")"
        )
        #expect(tally.requests >= Self.connections)
        #expect(summary.answered == tally.requests && summary.misses.isEmpty)
        #expect(statistics.connectionsOpened == Self.connections, "connections opened: \(statistics.connectionsOpened)")
    }
}
