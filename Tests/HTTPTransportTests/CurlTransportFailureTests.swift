import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

@Suite("CurlTransport failures map to distinct error codes", .timeLimit(.minutes(1)))
struct CurlTransportFailureTests {
    /// Sends `request` and returns the TransportError it must throw.
    static func failure(
        of request: HTTPRequest,
        configuration: CurlTransport.Configuration = directConfiguration,
        timeout: Duration? = nil
    ) async throws -> TransportError {
        try await CurlTransport.withCurlTransport(configuration: configuration) { transport in
            do {
                let response = try await transport.send(request, timeout: timeout)
                Issue.record("expected a TransportError, got status \(response.status)")
                throw TransportError(code: .other, message: "unexpected response", url: request.url)
            } catch let error as TransportError {
                return error
            }
        }
    }

    @Test(arguments: ["http://bad host/", "ftp://127.0.0.1/file", "not a url", "http://[::1/"])
    func badURL(url: String) async throws {
        let error = try await Self.failure(of: HTTPRequest(url: url))
        #expect(error.code == .badURL)
        #expect(error.url == url)
        #expect(!error.message.isEmpty)
        #expect(!error.isRetryable)
    }

    @Test func invalidHeaderValueIsRejectedBeforeSending() async throws {
        let error = try await Self.failure(
            of: HTTPRequest(url: "http://127.0.0.1:1/", headers: ["X-Bad": "a\r\nInjected: 1"])
        )
        #expect(error.code == .invalidRequest)
        #expect(error.description.contains("X-Bad"))
    }

    @Test func connectionRefused() async throws {
        try await withRefusingPort { port in
            let error = try await Self.failure(of: HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            #expect(error.code == .connectionRefused)
            #expect(error.curlCode == 7)
            // One line: code, URL, libcurl's message, CURLcode.
            #expect(
                error.description.hasPrefix(
                    "connection refused for http://127.0.0.1:\(port)/: Failed to connect to 127.0.0.1 port \(port)"
                )
            )
            #expect(error.description.hasSuffix("(curl error 7)"))
            #expect(!error.description.contains("\n"))
            #expect(error.isRetryable)
        }
    }

    @Test func totalTimeoutWhenTheServerNeverAnswers() async throws {
        let gate = Gate()
        try await LoopbackHTTPServer.withServer(handler: { _ in
            await gate.wait()
            return HTTPResponse(status: 200)
        }) { server in
            let error = try await Self.failure(
                of: HTTPRequest(url: server.baseURL + "/slow"),
                timeout: .milliseconds(300)
            )
            gate.open()
            #expect(error.code == .timeout)
            #expect(error.curlCode == 28)
            #expect(error.message.hasPrefix("Operation timed out"))
            #expect(error.isTimeout && error.isRetryable)
        }
    }

    @Test func connectTimeoutWhenNobodyCompletesTheHandshake() async throws {
        try await withUnansweredPort { port in
            let configuration = CurlTransport.Configuration(
                connectTimeout: .milliseconds(300),
                timeout: .seconds(20),
                proxy: .none
            )
            let error = try await Self.failure(
                of: HTTPRequest(url: "http://127.0.0.1:\(port)/"),
                configuration: configuration
            )
            #expect(error.code == .connectTimeout)
            #expect(error.curlCode == 28)
            #expect(error.isTimeout)
        }
    }

    @Test func serverHangingUpWithoutAnAnswerIsAConnectionReset() async throws {
        try await withHangingUpPort { port in
            let error = try await Self.failure(of: HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            #expect(error.code == .connectionReset)
            #expect(error.curlCode == 52)
            #expect(error.isRetryable)
        }
    }

    @Test func dnsFailureForAnInvalidHost() async throws {
        let error = try await Self.failure(of: HTTPRequest(url: "http://no-such-host.invalid/"))
        #expect(error.code == .dnsFailure)
        #expect(error.curlCode == 6)
        #expect(error.message.contains("no-such-host.invalid"))
    }

    @Test func httpsToAPlainHTTPPortIsATLSFailure() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200) }) { server in
            let error = try await Self.failure(of: HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))
            #expect(error.code == .tls)
            #expect(error.curlCode == 35)
        }
    }

    @Test func everyFailureHasItsOwnCode() {
        let codes: [TransportError.Code] = [
            .badURL, .invalidRequest, .dnsFailure, .connectionRefused, .connectTimeout, .timeout, .tls,
            .connectionReset,
            .proxy, .cancelled, .shutdown, .other,
        ]
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes.map(\.description)).count == codes.count)
    }
}
