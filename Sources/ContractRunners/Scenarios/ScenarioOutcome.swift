import ContractEngine

/// How a scenario run ended.
public enum ScenarioOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Every step ran and got an answer.
    case completed
    /// The scenario could not run with the given options (no cassette is written).
    case skipped(String)
    /// Something kept the scenario from being observed whole (throttling, transport failures, a poll that never
    /// saw a terminal status, a cap): its observations are judged, but nothing is concluded from what is missing.
    case inconclusive(String)

    public var description: String {
        switch self {
        case .completed: "completed"
        case .skipped(let reason): "skipped: \(reason)"
        case .inconclusive(let reason): "inconclusive: \(reason)"
        }
    }
}

/// The steps of one scenario run, what it expects, and how it ended.
struct ScenarioResult: Sendable {
    var steps: [RecordedStep] = []
    var expectations: ScenarioExpectations?
    var outcome: ScenarioOutcome = .completed
}
