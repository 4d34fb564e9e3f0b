import Testing
@testable import HTTPTransport

@Suite struct HTTPTransportSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
