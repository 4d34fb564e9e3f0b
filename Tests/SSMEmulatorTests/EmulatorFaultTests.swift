import SSMEmulator
import Testing

/// Every fault the emulator can be told to make is caught by the contract that guards it, and the emulator
/// without faults breaks none: its recorded traffic, verified with the catalog.
@Suite(.timeLimit(.minutes(2))) struct EmulatorFaultTests {
    /// The contract that catches each fault.
    static let catchers: [EmulatorFault: String] = [
        .wrongTruncation: "output.stdout-limit",
        .outputWhileInProgress: "output.empty-until-terminal",
        .responseCodeZeroBeforeStart: "response-code.not-started",
        .terminalStatusChanges: "sequence.terminal-final",
        .repeatedPage: "pagination.no-duplicates",
    ]

    @Test func theEmulatorWithoutFaultsBreaksNoContract() async throws {
        let verdicts = try await EmulatorRecording.verdicts(faults: [])
        #expect(
            verdicts.failing.isEmpty,
            "contracts failed on the emulator's own answers: \(verdicts.failing.sorted())"
        )
        // The session reaches what the faults break, so each fault test below means something.
        let reached = Set(Self.catchers.values).union([
            "output.stdout-truncation-marker", "output.plugin-output-limit", "output.stderr-limit", "errors.documented",
            "errors.http-status", "times.end-empty-in-flight", "times.elapsed-consistent", "pagination.max-results",
        ])
        #expect(reached.isSubset(of: verdicts.passing), "not passed: \(reached.subtracting(verdicts.passing).sorted())")
    }

    @Test(arguments: EmulatorFault.allCases)
    func eachFaultIsCaughtByItsContract(_ fault: EmulatorFault) async throws {
        let catcher = try #require(Self.catchers[fault])
        let failing = try await EmulatorRecording.verdicts(faults: [fault]).failing
        #expect(
            failing.contains(catcher),
            "\(fault.rawValue) was not caught by \(catcher); failing: \(failing.sorted())"
        )
        let others = Set(Self.catchers.values).subtracting([catcher])
        #expect(
            failing.isDisjoint(with: others),
            "\(fault.rawValue) also tripped \(failing.intersection(others).sorted())"
        )
    }
}
