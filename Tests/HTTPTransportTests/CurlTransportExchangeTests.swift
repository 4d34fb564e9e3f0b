import Foundation
import LoopbackServer
import Testing

@testable import HTTPTransport

/// A configuration that ignores the process environment's proxies (tests must not depend on it).
let directConfiguration = CurlTransport.Configuration(timeout: .seconds(20), proxy: .none)

@Suite("CurlTransport exchanges with a loopback server", .timeLimit(.minutes(1)))
struct CurlTransportExchangeTests {
    /// Every byte value, twice, plus a CRLF and a NUL in the middle: nothing may be decoded or trimmed.
    static let binaryBody = Data((0...255).map(UInt8.init) + [13, 10, 0] + (0...255).reversed().map(UInt8.init))

    @Test func statusHeadersAndBinaryBodyComeBackByteExact() async throws {
        let answer = HTTPResponse(
            status: 418,
            headers: HTTPHeaders([
                ("X-Amzn-RequestId", "a1b2"), ("content-type", "application/octet-stream"),
                ("X-Dup", "one"), ("x-dup", "two"), ("X-Empty-Not", "v a l"),
            ]),
            body: Self.binaryBody
        )
        try await LoopbackHTTPServer.withServer(handler: { _ in answer }) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                let response = try await transport.send(HTTPRequest(url: server.baseURL + "/teapot"))
                #expect(response.status == 418)
                #expect(response.body == Self.binaryBody)
                let names = response.headers.map(\.name)
                #expect(
                    names == ["X-Amzn-RequestId", "content-type", "X-Dup", "x-dup", "X-Empty-Not", "Content-Length"]
                )
                #expect(response.headers.values(for: "x-dup") == ["one", "two"])
                #expect(response.headers["X-EMPTY-NOT"] == "v a l")
                #expect(response.headers["Content-Length"] == String(Self.binaryBody.count))
            }
        }
    }

    @Test(arguments: ["POST", "PUT", "PATCH", "DELETE"])
    func methodHeadersAndBodyArriveExactly(method: String) async throws {
        let sent = HTTPRequest(
            method: method,
            url: "/ignored",
            headers: HTTPHeaders([
                ("X-Amz-Target", "AmazonSSM.GetCommandInvocation"), ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Repeat", "1"), ("x-repeat", "2"),
            ]),
            body: Self.binaryBody
        )
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 204) }) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                var request = sent
                request.url = server.baseURL + "/path/x?b=2&a=1"
                let response = try await transport.send(request)
                #expect(response.status == 204)
                #expect(response.body.isEmpty)
            }
            let received = try #require(server.receivedRequests.first)
            #expect(server.requestCount == 1)
            #expect(received.method == method)
            #expect(received.url == server.baseURL + "/path/x?b=2&a=1")
            #expect(received.body == Self.binaryBody)
            // Exactly the request's fields, plus the Host and Content-Length that HTTP requires; no Accept,
            // no Expect, no content-encoding negotiation added by libcurl.
            let fields = received.headers.map { "\($0.name): \($0.value)" }
            #expect(
                fields == [
                    "Host: 127.0.0.1:\(server.port)",
                    "X-Amz-Target: AmazonSSM.GetCommandInvocation", "Content-Type: application/x-amz-json-1.1",
                    "X-Repeat: 1", "x-repeat: 2", "Content-Length: \(Self.binaryBody.count)",
                ]
            )
        }
    }

    @Test func getAndHeadSendNoBodyAndHeadGetsHeadersOnly() async throws {
        let answer = HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data("hello".utf8))
        try await LoopbackHTTPServer.withServer(handler: { _ in answer }) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                let get = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))
                #expect(get.body == Data("hello".utf8))
                let head = try await transport.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/"))
                #expect(head.status == 200)
                #expect(head.headers["Content-Length"] == "5")
                #expect(head.body.isEmpty)
            }
            #expect(server.receivedRequests.map(\.method) == ["GET", "HEAD"])
            #expect(
                server.receivedRequests.allSatisfy { $0.body.isEmpty && !$0.headers.contains(name: "Content-Length") }
            )
        }
    }

    @Test func fiftyConcurrentRequestsEachGetTheirOwnAnswer() async throws {
        let echo: LoopbackHTTPServer.Handler = { request in
            HTTPResponse(status: 200, headers: ["X-Echo-Id": request.headers["X-Id"] ?? "?"], body: request.body)
        }
        try await LoopbackHTTPServer.withServer(handler: echo) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                let answers = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
                    for id in 0..<50 {
                        group.addTask {
                            let request = HTTPRequest(
                                method: "POST",
                                url: server.baseURL + "/echo/\(id)",
                                headers: ["X-Id": "\(id)"],
                                body: Data("request \(id)".utf8)
                            )
                            return (id, try await transport.send(request))
                        }
                    }
                    return try await group.reduce(into: [Int: HTTPResponse]()) { $0[$1.0] = $1.1 }
                }
                #expect(answers.count == 50)
                for (id, response) in answers {
                    #expect(response.status == 200)
                    #expect(response.headers["X-Echo-Id"] == "\(id)")
                    #expect(response.body == Data("request \(id)".utf8))
                }
                #expect(transport.statistics.requestsSent == 50)
            }
            #expect(server.requestCount == 50)
        }
    }

    @Test func sequentialRequestsToOneHostReuseOneConnection() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200, body: Data("ok".utf8)) }) {
            server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                for index in 0..<10 {
                    let response = try await transport.send(HTTPRequest(url: server.baseURL + "/\(index)"))
                    #expect(response.status == 200)
                }
                let statistics = transport.statistics
                #expect(statistics.requestsSent == 10)
                #expect(statistics.connectionsOpened == 1)
            }
        }
    }

    @Test func finalResponseHeadersOnlyAfterInterimResponse() {
        // A 100 Continue head followed by the final head: only the final fields remain.
        // (Exercised through the header parser: a loopback server cannot be made to send a stray 1xx.)
        var headers = HTTPHeaders()
        for line in [
            "HTTP/1.1 100 Continue\r\n", "X-Interim: yes\r\n", "\r\n",
            "HTTP/1.1 200 OK\r\n", "X-Final: a\r\n", "X-Folded: one\r\n", "\t two\r\n", "x-final: b\r\n", "\r\n",
        ] {
            HeaderLineParser.apply(line, to: &headers)
        }
        #expect(headers.map(\.name) == ["X-Final", "X-Folded", "x-final"])
        #expect(headers["X-Folded"] == "one two")
        #expect(headers.values(for: "x-final") == ["a", "b"])
    }
}

@Suite("docs/transport.md example", .timeLimit(.minutes(1)))
struct ReadmeExampleTests {
    /// docs/transport.md's usage example, verbatim except for the URL (a loopback server instead of AWS).
    @Test func readmeExampleRuns() async throws {
        try await LoopbackHTTPServer.withServer(handler: { request in
            HTTPResponse(status: 200, headers: ["x-amzn-RequestId": "r-1"], body: request.body)
        }) { server in
            var configuration = CurlTransport.Configuration(connectTimeout: .seconds(5), timeout: .seconds(30))
            configuration.proxy = .none  // not on the page: keeps a proxy in the test environment out of the way
            let response = try await CurlTransport.withCurlTransport(configuration: configuration) { transport in
                var request = HTTPRequest(method: "POST", url: server.baseURL + "/")
                request.headers.add(name: "X-Amz-Target", value: "AmazonSSM.ListCommands")
                request.headers.add(name: "Content-Type", value: "application/x-amz-json-1.1")
                request.body = Data("{}".utf8)
                return try await transport.send(request, timeout: .seconds(10))
            }
            #expect(response.status == 200)
            #expect(response.headers["x-amzn-RequestId"] == "r-1")
            #expect(server.receivedRequests.first?.headers["X-Amz-Target"] == "AmazonSSM.ListCommands")
        }
    }
}
