import Foundation

/// How fast a replay server answers (`--pace none|recorded|xN`).
public enum ReplayPace: Sendable, Hashable, CustomStringConvertible {
    /// At once (the default).
    case none
    /// After the interaction's recorded duration.
    case recorded
    /// After the recorded duration divided by the factor (`x10`: ten times faster).
    case faster(Double)

    /// Parses `none`, `recorded` or `xN` (N a number above 0).
    /// - Throws: ``RunnerError`` (bad input) saying what is allowed.
    public init(parsing text: String) throws(RunnerError) {
        switch text.lowercased() {
        case "none": self = .none
        case "recorded": self = .recorded
        case let value where value.hasPrefix("x"):
            guard let factor = Double(value.dropFirst()), factor.isFinite, factor > 0 else {
                throw RunnerError(
                    "--pace \(text): xN takes a factor above 0 (x10 answers ten times faster than recorded)",
                    status: .badInput
                )
            }
            self = .faster(factor)
        default:
            throw RunnerError(
                "--pace \(text): use none, recorded or xN (e.g. x10, ten times faster than recorded)",
                status: .badInput
            )
        }
    }

    /// The wait before answering an interaction that took `recorded` seconds (`nil`: no wait).
    func delay(recorded: Double?) -> Duration? {
        guard let recorded, recorded > 0, recorded.isFinite else { return nil }
        switch self {
        case .none: return nil
        case .recorded: return .milliseconds(Int((recorded * 1000).rounded()))
        case .faster(let factor): return .microseconds(Int((recorded / factor * 1_000_000).rounded()))
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .recorded: "recorded"
        case .faster(let factor): "x" + FaultPlan.format(factor)
        }
    }
}
