import Testing
@testable import ContractEngine

@Suite struct ContractEngineSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
