import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

@Suite("LoopbackHTTPServer answers exactly as told", .timeLimit(.minutes(1)))
struct LoopbackHTTPServerTests {
    @Test func handlerErrorBecomesAPlainText500() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in throw HandlerFailure() }) { server in
            let response = try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                try await transport.send(HTTPRequest(url: server.baseURL + "/x"))
            }
            #expect(response.status == 500)
            #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(String(decoding: response.body, as: UTF8.self).contains("no such cassette entry"))
        }
    }

    @Test func givenContentLengthAndHeaderOrderAreKeptAndNothingIsAdded() async throws {
        let answer = HTTPResponse(
            status: 200,
            headers: HTTPHeaders([
                ("Content-Length", "2"), ("x-amzn-RequestId", "r-1"), ("Content-Type", "application/x-amz-json-1.1"),
                ("Date", "Tue, 01 Jan 2030 00:00:00 GMT"),
            ]),
            body: Data("{}".utf8)
        )
        try await LoopbackHTTPServer.withServer(handler: { _ in answer }) { server in
            let response = try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                try await transport.send(HTTPRequest(url: server.baseURL + "/"))
            }
            #expect(response.headers == answer.headers)
            #expect(response.body == answer.body)
        }
    }

    @Test func aServerThatKeepsNoRequestsStillCountsThem() async throws {
        try await LoopbackHTTPServer.withServer(keepsRequests: false, handler: { _ in HTTPResponse(status: 204) }) {
            server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                for _ in 0..<3 { _ = try await transport.send(HTTPRequest(url: server.baseURL + "/poll")) }
            }
            #expect(server.requestCount == 3)
            #expect(server.receivedRequests.isEmpty)
        }
    }

    @Test func scriptedResponsesAnswerInOrderThenSayTheScriptRanOut() async throws {
        let script = ScriptedResponses([
            HTTPResponse(status: 200, body: Data("first".utf8)), HTTPResponse(status: 400, body: Data("second".utf8)),
        ])
        try await LoopbackHTTPServer.withServer(handler: script.handler) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                var statuses: [Int] = []
                for _ in 0..<3 {
                    statuses.append(try await transport.send(HTTPRequest(url: server.baseURL + "/")).status)
                }
                #expect(statuses == [200, 400, 500])
            }
            #expect(script.remaining == 0)
            #expect(server.requestCount == 3)
        }
    }

    @Test func aTakenPortIsAClearStartupError() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200) }) { first in
            let error = await #expect(throws: LoopbackServerError.self) {
                try await LoopbackHTTPServer.withServer(port: first.port, handler: { _ in HTTPResponse(status: 200) }) {
                    _ in
                }
            }
            #expect(error?.description.contains("127.0.0.1:\(first.port)") == true)
        }
    }

    @Test func defaultConfigurationReadsTheProcessEnvironment() {
        let environment = ProcessInfo.processInfo.environment
        #expect(CurlTransport.Configuration.default.proxy == ProxySettings.fromEnvironment(environment))
    }
}
