import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

@Suite("Proxy settings from an environment", .timeLimit(.minutes(1)))
struct ProxySettingsTests {
    @Test func lowerCaseWinsAndEmptyCountsAsUnset() {
        let settings = ProxySettings.fromEnvironment([
            "HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2",
            "HTTP_PROXY": "http://plain-upper:3", "http_proxy": "",
            "NO_PROXY": "example.com,.internal",
        ])
        #expect(settings.httpsProxy == "http://lower:2")
        #expect(settings.httpProxy == "http://plain-upper:3")
        #expect(settings.noProxy == "example.com,.internal")
        #expect(ProxySettings.fromEnvironment([:]) == .none)
    }

    @Test(
        arguments: [
            ("https://ssm.us-east-1.amazonaws.com/", "http://secure-proxy:3128"),
            ("http://ssm.us-east-1.amazonaws.com/", "http://plain-proxy:3128"),
            ("http://api.example.com/", nil),  // NO_PROXY suffix match
            ("http://example.com:8080/", nil),  // NO_PROXY exact host, port ignored
            ("http://notexample.com/", "http://plain-proxy:3128"),  // not a subdomain
            ("http://svc.internal/", nil),  // leading-dot entry
            ("http://[::1]:9/", nil),  // IPv6 literal listed in brackets
        ] as [(String, String?)]
    )
    func proxyChoice(url: String, expected: String?) {
        let settings = ProxySettings(
            httpProxy: "http://plain-proxy:3128",
            httpsProxy: "http://secure-proxy:3128",
            noProxy: "example.com, .internal ,[::1]"
        )
        #expect(settings.proxy(for: url) == expected)
    }

    @Test func starBypassesEverything() {
        #expect(ProxySettings(httpProxy: "http://p:1", noProxy: "*").proxy(for: "http://anything/") == nil)
    }

    @Test func httpRequestGoesThroughTheProxyInAbsoluteForm() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200, body: Data("from proxy".utf8))
        }) { proxy in
            let environment = ["http_proxy": proxy.baseURL, "NO_PROXY": "bypassed.invalid"]
            let configuration = CurlTransport.Configuration(proxy: .fromEnvironment(environment))
            try await CurlTransport.withCurlTransport(configuration: configuration) { transport in
                let response = try await transport.send(HTTPRequest(url: "http://ssm.example.invalid/path?x=1"))
                #expect(response.body == Data("from proxy".utf8))

                // NO_PROXY: the request goes direct, so the .invalid host fails to resolve and the proxy sees nothing.
                let direct = await #expect(throws: TransportError.self) {
                    try await transport.send(HTTPRequest(url: "http://bypassed.invalid/"))
                }
                #expect(direct?.code == .dnsFailure)
            }
            #expect(proxy.requestCount == 1)
            let received = try #require(proxy.receivedRequests.first)
            #expect(received.url == "http://ssm.example.invalid/path?x=1")
            #expect(received.headers["Host"] == "ssm.example.invalid")
        }
    }

    @Test func unreachableProxyIsAProxyFailure() async throws {
        try await withRefusingPort { port in
            let configuration = CurlTransport.Configuration(proxy: ProxySettings(httpProxy: "http://127.0.0.1:\(port)"))
            let error = try await CurlTransportFailureTests.failure(
                of: HTTPRequest(url: "http://ssm.example.invalid/"),
                configuration: configuration
            )
            #expect(error.code == .proxy)
        }
    }
}
