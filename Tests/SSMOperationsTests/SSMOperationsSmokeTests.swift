import Testing
@testable import SSMOperations

@Suite struct SSMOperationsSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
