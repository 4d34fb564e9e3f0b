import Cassettes
import Foundation
import SSMOperations

/// Which faults to inject and how often: `--fault throttle=P,500=P,503=P,reset=P,latency=MS[:P],truncate=P`,
/// `--fault-seed N`, `--fault-operation NAME`.
///
/// Each request (of ``operation``, when set) is delayed by ``latency`` with its probability, and then gets at
/// most one of the replacing faults: one uniform draw in [0, 1) is split into consecutive ranges of throttle,
/// 500, 503, reset and truncate, so each happens with exactly its probability (they must add up to at most 1).
/// Draws come from a generator seeded with ``seed``: the same seed gives the same sequence of decisions.
public struct FaultPlan: Sendable, Hashable {
    /// The probability of each replacing fault.
    public var probabilities: [FaultKind: Double] = [:]
    /// The added delay in milliseconds (`latency=MS`), if any.
    public var latencyMilliseconds: Int?
    /// The probability of the added delay (1 unless given as `latency=MS:P`).
    public var latencyProbability: Double = 0
    /// The seed of the decisions.
    public var seed: UInt64 = 0
    /// Only requests of this operation (`GetCommandInvocation`) get faults; `nil`: every request.
    public var operation: String?

    /// A plan with no faults.
    public init() {}

    /// Parses the `--fault` values (each a comma-separated list; later settings of a kind win).
    /// - Throws: ``RunnerError`` (bad input) naming the item and what is allowed.
    public init(specs: [String], seed: UInt64 = 0, operation: String? = nil) throws(RunnerError) {
        self.seed = seed
        if let operation { self.operation = try Self.modelledOperation(operation) }
        for spec in specs {
            for item in spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                try parse(item.trimmingCharacters(in: .whitespaces))
            }
        }
        let total = probabilities.values.reduce(0, +)
        guard total <= 1 + 1e-9 else {
            throw RunnerError(
                "--fault: the probabilities of throttle, 500, 503, reset and truncate add up to \(Self.format(total)); a request gets at most one of them, so keep their sum at most 1",
                status: .badInput
            )
        }
    }

    /// The wire name of `given` (`GetCommandInvocation`, `AmazonSSM.GetCommandInvocation` or
    /// `get-command-invocation`), an operation of the SSM model: a misspelt name would otherwise match no
    /// request and inject nothing.
    /// - Throws: ``RunnerError`` (bad input) naming the closest operations, and all of them.
    static func modelledOperation(_ given: String) throws(RunnerError) -> String {
        let name = given.split(separator: ".").last.map(String.init) ?? ""
        let model = SSMShapeModel.bundled
        if let operation = model.operation(named: name) { return operation.name }
        let names = model.operations.map(\.name).sorted()
        let distance = { (candidate: String) in
            RequestDifference.editDistance(
                Array(name.lowercased().unicodeScalars),
                Array(candidate.lowercased().unicodeScalars)
            )
        }
        let distances = names.map { ($0, distance($0)) }
        let nearest = distances.map(\.1).min() ?? .max
        // Only the nearest names, and only when a few edits away: a wholly different name gets no guess.
        let closest = nearest <= max(2, name.count / 4) ? distances.filter { $0.1 == nearest }.map(\.0) : []
        let hint = closest.isEmpty ? "" : "did you mean \(closest.joined(separator: " or "))? "
        throw RunnerError(
            "--fault-operation \(given): not an operation of the SSM model; \(hint)use one of \(names.joined(separator: ", "))",
            status: .badInput
        )
    }

    static let kindsHelp = "throttle=P, 500=P, 503=P, reset=P, latency=MS[:P], truncate=P (P between 0 and 1)"

    private mutating func parse(_ item: String) throws(RunnerError) {
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw RunnerError(
                "--fault \(item.isEmpty ? "\"\"" : item): expected KIND=VALUE, one of \(Self.kindsHelp)",
                status: .badInput
            )
        }
        guard let kind = FaultKind(rawValue: parts[0].lowercased()) else {
            throw RunnerError(
                "--fault \(item): unknown fault \"\(parts[0])\"; use \(Self.kindsHelp)",
                status: .badInput
            )
        }
        if kind == .latency {
            let pieces = parts[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2, let milliseconds = Int(pieces[0]), (0...600_000).contains(milliseconds) else {
                throw RunnerError(
                    "--fault \(item): latency takes MS[:P], a delay in milliseconds from 0 to 600000 and an optional probability (e.g. latency=200:0.5)",
                    status: .badInput
                )
            }
            let probability = try pieces.count == 2 ? Self.probability(pieces[1], item: item) : 1
            latencyMilliseconds = milliseconds
            latencyProbability = probability
        } else {
            probabilities[kind] = try Self.probability(parts[1], item: item)
        }
    }

    private static func probability(_ text: String, item: String) throws(RunnerError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw RunnerError(
                "--fault \(item): \"\(text)\" is not a probability; give a number between 0 and 1 (e.g. 0.25)",
                status: .badInput
            )
        }
        guard (0...1).contains(value) else {
            throw RunnerError("--fault \(item): probability \(text) is outside 0 to 1", status: .badInput)
        }
        return value
    }

    static func format(_ value: Double) -> String {
        String(format: "%g", value)
    }

    /// Whether the plan injects anything at all.
    public var isEmpty: Bool {
        probabilities.values.allSatisfy { $0 == 0 } && (latencyMilliseconds == nil || latencyProbability == 0)
    }
}
