import Testing
@testable import AWSWire

@Suite struct AWSWireSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
