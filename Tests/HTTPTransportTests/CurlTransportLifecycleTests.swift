import Foundation
import HTTPTransport
import LoopbackServer
import TestSupport
import Testing

@Suite("CurlTransport cancellation and shutdown", .timeLimit(.minutes(1)))
struct CurlTransportLifecycleTests {
    /// A handler that holds `/hang` requests until the gate opens and answers everything else at once.
    static func holding(_ gate: Gate, arrived: Gate) -> LoopbackHTTPServer.Handler {
        { request in
            if request.url.hasSuffix("/hang") {
                arrived.open()
                await gate.wait()
            }
            return HTTPResponse(status: 200, body: Data("done".utf8))
        }
    }

    @Test func cancellingAnInFlightRequestThrowsCancelledAndTheTransportKeepsWorking() async throws {
        let gate = Gate()
        let arrived = Gate()
        try await LoopbackHTTPServer.withServer(handler: Self.holding(gate, arrived: arrived)) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                let inFlight = Task { try await transport.send(HTTPRequest(url: server.baseURL + "/hang")) }
                await arrived.wait()
                inFlight.cancel()
                let result = await inFlight.result
                gate.open()
                #expect(throws: TransportError.self) { try result.get() }
                if case .failure(let error as TransportError) = result { #expect(error.code == .cancelled) }

                let after = try await transport.send(HTTPRequest(url: server.baseURL + "/after"))
                #expect(after.status == 200)
                #expect(after.body == Data("done".utf8))
            }
        }
    }

    @Test func aTaskCancelledBeforeSendingNeverReachesTheServer() async throws {
        try await LoopbackHTTPServer.withServer(handler: { _ in HTTPResponse(status: 200) }) { server in
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                let task = Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await transport.send(HTTPRequest(url: server.baseURL + "/never"))
                }
                let result = await task.result
                if case .failure(let error as TransportError) = result {
                    #expect(error.code == .cancelled)
                } else {
                    Issue.record("expected TransportError.cancelled, got \(result)")
                }
            }
            #expect(server.requestCount == 0)
        }
    }

    @Test func shutdownFailsAnInFlightRequestAndIsIdempotent() async throws {
        let gate = Gate()
        let arrived = Gate()
        try await LoopbackHTTPServer.withServer(handler: Self.holding(gate, arrived: arrived)) { server in
            let transport = try CurlTransport(configuration: directConfiguration)
            let inFlight = Task { try await transport.send(HTTPRequest(url: server.baseURL + "/hang")) }
            await arrived.wait()
            await transport.shutdown()
            let result = await inFlight.result
            gate.open()
            if case .failure(let error as TransportError) = result {
                #expect(error.code == .shutdown)
            } else {
                Issue.record("expected TransportError.shutdown, got \(result)")
            }
            await transport.shutdown()  // harmless

            let later = await #expect(throws: TransportError.self) {
                try await transport.send(HTTPRequest(url: server.baseURL + "/later"))
            }
            #expect(later?.code == .shutdown)
        }
    }

    @Test func scopedTransportShutsDownWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        var escaped: CurlTransport?
        await #expect(throws: Boom.self) {
            try await CurlTransport.withCurlTransport(configuration: directConfiguration) { transport in
                escaped = transport
                throw Boom()
            }
        }
        let transport = try #require(escaped)
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.code == .shutdown)
    }
}
