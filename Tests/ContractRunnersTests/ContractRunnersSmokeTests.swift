import Testing
@testable import ContractRunners

@Suite struct ContractRunnersSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
