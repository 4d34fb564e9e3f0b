import ContractRunners
import Testing

@Suite struct PlaceholderRunnerTests {
    @Test func placeholder() { #expect(ContractRunnersInfo.version.isEmpty == false) }
}
