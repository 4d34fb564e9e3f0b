import AWSWire
import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import LoopbackServer
import RawJSON
import TestSupport
import Testing

/// `proxy` in process against an upstream that checks SigV4 with keys only the proxy has.
@Suite(.timeLimit(.minutes(2))) struct ProxyTests {
    /// The SDK's own keys, which the upstream does not know.
    static let sdkCredentials = AWSCredentials(
        accessKeyID: "AKIDSDKSIDEUNKNOWN01",
        secretAccessKey: "sdk-side-secret-not-real",
        sessionToken: "sdk-side-session-token-not-real"
    )

    /// The environment the proxy resolves its (the upstream's) credentials from.
    static let environment = [
        "AWS_ACCESS_KEY_ID": SigV4CheckingUpstream.credentials.accessKeyID,
        "AWS_SECRET_ACCESS_KEY": SigV4CheckingUpstream.credentials.secretAccessKey,
        "AWS_REGION": SigV4CheckingUpstream.region,
        "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    ]

    static func options(upstream: String, record: URL) -> ProxyRunner.Options {
        var options = ProxyRunner.Options()
        options.upstream = upstream
        options.record = record.path
        options.source = "mock:sigv4-checking-upstream@1"
        options.environment = environment
        return options
    }

    /// A GetCommandInvocation as an SDK signs it with its own keys for `url`.
    static func sdkRequest(_ url: String) -> HTTPRequest {
        let request = HTTPRequest(
            method: "POST",
            url: url + "/",
            headers: [
                "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.GetCommandInvocation",
                "User-Agent": "proxy-tests/1",
            ],
            body: Data(#"{"CommandId":"\#(ServeFixtures.commandID)","InstanceId":"\#(ServeFixtures.instanceID)"}"#.utf8)
        )
        return SigV4Signer(region: "us-east-1", service: "ssm").sign(request, credentials: sdkCredentials, date: Date())
    }

    @Test func theProxyReSignsRecordsWithoutSecretsAndPassesTheAnswerOnByteForByte() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let record = folder.appendingPathComponent("proxied.json")
            try await LoopbackHTTPServer.withServer(handler: SigV4CheckingUpstream.handler) { upstream in
                try await CurlTransport.withCurlTransport { curl in
                    // The same request sent directly is refused: only re-signing can succeed.
                    let direct = try await curl.send(Self.sdkRequest(upstream.baseURL))
                    #expect(direct.status == 403)
                    let (response, summary) = try await ProxyRunner.withProxy(
                        Self.options(upstream: upstream.baseURL, record: record)
                    ) { proxy in
                        (try await curl.send(Self.sdkRequest(proxy.server.baseURL)), proxy.server.summary)
                    }
                    #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
                    #expect(response.body == SigV4CheckingUpstream.answer)
                    #expect(response.headers["x-amzn-RequestId"] == "2f4b8c1e-upstream-request-id")
                    #expect(response.headers["X-Upstream-Order"] == "b, a")
                    #expect(summary.answered == 1 && summary.recorded == 1)
                    let forwarded = upstream.receivedRequests.last!
                    #expect(forwarded.headers["X-Amz-Security-Token"] == nil, "the SDK's token is never forwarded")
                    #expect(
                        forwarded.headers["Authorization"]?.contains(SigV4CheckingUpstream.credentials.accessKeyID)
                            == true
                    )
                }
            }
            let saved = try String(contentsOf: record, encoding: .utf8)
            for secret in [
                Self.sdkCredentials.secretAccessKey, Self.sdkCredentials.sessionToken!, Self.sdkCredentials.accessKeyID,
                SigV4CheckingUpstream.credentials.secretAccessKey, SigV4CheckingUpstream.credentials.accessKeyID,
            ] {
                #expect(!saved.contains(secret), "the cassette holds \(secret)")
            }
            let cassette = try Cassette.load(from: record)
            #expect(cassette.header.source == CassetteSource("mock:sigv4-checking-upstream@1"))
            #expect(cassette.interactions.count == 1)
            #expect(cassette.interactions[0].response.body.data == SigV4CheckingUpstream.answer)
            #expect(cassette.interactions[0].request.url.hasPrefix("http://127.0.0.1:"))
        }
    }

    @Test func replayCassettesAnswerFirstAndOnlyTheRestIsForwarded() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let replayed = try ServeFixtures.writePollingCassette(in: folder)
            let record = folder.appendingPathComponent("rest.json")
            try await LoopbackHTTPServer.withServer(handler: SigV4CheckingUpstream.handler) { upstream in
                var options = Self.options(upstream: upstream.baseURL, record: record)
                options.replay = [replayed.path]
                let statuses = try await CurlTransport.withCurlTransport { curl in
                    try await ProxyRunner.withProxy(options) { proxy in
                        var poll = ReplayServerTests.poll(proxy.server.baseURL)
                        let first = try await curl.send(poll)
                        poll.body = Data(
                            #"{"CommandId":"00000000-0000-4000-8000-000000000000","InstanceId":"i-0a1b2c3d4e5f60718"}"#
                                .utf8
                        )
                        let forwarded = try await curl.send(poll)
                        return [first.status, forwarded.status]
                    }
                }
                #expect(statuses == [200, 200])
                #expect(upstream.requestCount == 1, "only the request no cassette answers goes upstream")
            }
            #expect(try Cassette.load(from: record).interactions.count == 1)
        }
    }

    @Test func aRefusedRequestIsCountedNotForwardedAndExitsOne() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let record = folder.appendingPathComponent("refused.json")
            try await LoopbackHTTPServer.withServer(handler: SigV4CheckingUpstream.handler) { upstream in
                var options = Self.options(upstream: upstream.baseURL, record: record)
                options.server.maxBodyBytes = 50
                let (status, summary) = try await CurlTransport.withCurlTransport { curl in
                    try await ProxyRunner.withProxy(options) { proxy in
                        (try await curl.send(Self.sdkRequest(proxy.server.baseURL)).status, proxy.server.summary)
                    }
                }
                #expect(status == 413)
                #expect(upstream.requestCount == 0, "a refused request is never forwarded")
                #expect(summary.rejected == [.bodyTooLarge: 1] && summary.requests == 1)
                #expect(summary.status(strict: false) == .violation)
                #expect(
                    summary.text.hasPrefix("served 1 request: 0 answered (0 recorded upstream), 0 missed, 1 rejected")
                )
            }
        }
    }

    @Test func badSettingsAreRefusedBeforeAnythingIsServed() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let existing = try ServeFixtures.writePollingCassette(in: folder)
            let fresh = folder.appendingPathComponent("new.json")
            func refusal(_ options: ProxyRunner.Options) async -> RunnerError? {
                do {
                    try await ProxyRunner.withProxy(options) { _ in Issue.record("the proxy started") }
                    return nil
                } catch {
                    return error as? RunnerError
                }
            }
            let exists = await refusal(Self.options(upstream: "http://127.0.0.1:9", record: existing))
            #expect(exists?.status == .badInput)
            #expect(
                exists?.message
                    == "--record \(existing.path) exists; the proxy records a new cassette: remove it, or give another path (replay it with --replay \(existing.path))"
            )
            var unlabelled = Self.options(upstream: "http://127.0.0.1:9", record: fresh)
            unlabelled.source = nil
            let noSource = await refusal(unlabelled)
            #expect(noSource?.status == .badInput)
            #expect(noSource?.message.contains("is not an AWS endpoint and no --source given") == true)
            var mislabelled = Self.options(upstream: "https://ssm.eu-west-1.amazonaws.com", record: fresh)
            mislabelled.source = "mock:moto@5.2.1"
            #expect(await refusal(mislabelled)?.status == .badInput)
            var anonymous = Self.options(upstream: "http://127.0.0.1:9", record: fresh)
            anonymous.environment = [
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_REGION": "us-east-1",
            ]
            let noCredentials = await refusal(anonymous)
            #expect(noCredentials?.status == .configuration)
            #expect(noCredentials?.message.hasPrefix("proxy cannot sign for http://127.0.0.1:9: ") == true)
            let noFolder = await refusal(
                Self.options(upstream: "http://127.0.0.1:9", record: folder.appendingPathComponent("missing/x.json"))
            )
            #expect(noFolder?.status == .badInput)
            #expect(!FileManager.default.fileExists(atPath: fresh.path))
        }
    }

    /// `--report` is checked before anything is proxied: never a path that loses the session at the end, or
    /// overwrites the cassette being recorded or one being replayed.
    @Test func aReportThatWouldLoseWorkIsRefusedBeforeAnythingIsProxied() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let replayed = try ServeFixtures.writePollingCassette(in: folder)
            let original = try Data(contentsOf: replayed)
            let fresh = folder.appendingPathComponent("new.json")
            for (report, replay, expected) in [
                (
                    "/no/such/folder/r.json", [String](),
                    "--report /no/such/folder/r.json: the folder /no/such/folder does not exist; create it or choose another path"
                ),
                (
                    "-", [],
                    "--report -: proxy's standard output carries the URL line and the summary; give the report a file"
                ),
                (fresh.path, [], "--record and --report both write to \(fresh.path); give each its own path"),
                (
                    replayed.path, [replayed.path],
                    "--report \(replayed.path): is one of the cassettes to replay; writing --report there would overwrite it, so give another path"
                ),
            ] {
                var options = Self.options(upstream: "http://127.0.0.1:9", record: fresh)
                options.report = report
                options.replay = replay
                options.until = { Issue.record("the proxy started") }
                do throws(RunnerError) {
                    _ = try await ProxyRunner.run(options)
                    Issue.record("--report \(report) was accepted")
                } catch {
                    #expect(error.status == .badInput)
                    #expect(error.message == expected)
                }
            }
            #expect(try Data(contentsOf: replayed) == original, "the replayed cassette is untouched")
            #expect(!FileManager.default.fileExists(atPath: fresh.path), "nothing was recorded")
        }
    }
}
