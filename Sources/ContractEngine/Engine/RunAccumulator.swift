import RawJSON

/// How often a contract passed, failed, did not apply, or could not decide.
public struct Tally: Sendable, Hashable {
    public var pass = 0
    public var fail = 0
    public var notApplicable = 0
    public var inconclusive = 0

    public init() {}

    mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .pass: pass += 1
        case .fail: fail += 1
        case .notApplicable: notApplicable += 1
        case .inconclusive: inconclusive += 1
        }
    }

    mutating func merge(_ other: Tally) {
        pass += other.pass
        fail += other.fail
        notApplicable += other.notApplicable
        inconclusive += other.inconclusive
    }

    /// The number of subjects the contract could judge (pass, fail or inconclusive).
    public var applicable: Int { pass + fail + inconclusive }
}

/// A failed or inconclusive result, with where it happened and what was found.
public struct Finding: Sendable, Hashable {
    /// The contract.
    public let contractID: String
    /// `fail` or `inconclusive`.
    public let outcome: Outcome
    /// The target it was observed on.
    public let target: String
    /// The observation.
    public let location: ObservationLocation
    /// The JSON path of the value, e.g. `$.CommandInvocations[0].Status`.
    public let path: String
    /// The value found, as compact JSON (shortened), or `nil` when absent.
    public let value: String?
    /// The expectation that did not hold, or why the result is inconclusive.
    public let detail: String
}

/// The results collected while evaluating observations. Runs evaluated in parallel are merged.
public struct RunAccumulator: Sendable {
    /// The most findings kept per contract and target (the tally still counts every one).
    public static let findingLimit = 200

    var contractCount: Int
    /// Targets by slot, and their tallies by contract index (a slot is looked up once per observation).
    var targetNames: [String] = []
    var targetSlots: [String: Int] = [:]
    var tallyTable: [[Tally]] = []
    var findings: [Finding] = []
    var findingCounts: [String: Int] = [:]
    var sequencePoints: [SequenceKey: [SequencePoint]] = [:]
    var pages: [PageKey: [ChainPage]] = [:]
    /// Observations evaluated.
    public internal(set) var observations = 0
    /// Of those, AWS error responses.
    public internal(set) var errors = 0
    /// Interactions left out because they name no operation.
    public internal(set) var skipped = 0
    /// Files read.
    public internal(set) var files = 0

    init(contractCount: Int) { self.contractCount = contractCount }

    /// The tallies by target.
    var tallies: [String: [Tally]] {
        Dictionary(uniqueKeysWithValues: zip(targetNames, tallyTable))
    }

    /// The slot of a target's tallies, created on first use.
    mutating func slot(for target: String) -> Int {
        if let slot = targetSlots[target] { return slot }
        targetNames.append(target)
        tallyTable.append(Array(repeating: Tally(), count: contractCount))
        targetSlots[target] = targetNames.count - 1
        return targetNames.count - 1
    }

    /// ``record(_:_:_:slot:target:location:path:)`` of a verdict on `observation`.
    mutating func record(
        _ contract: Int,
        _ id: String,
        _ verdict: Verdict,
        slot: Int,
        observation: Observation,
        path: @autoclosure () -> String
    ) {
        record(
            contract,
            id,
            verdict,
            slot: slot,
            target: observation.target,
            location: observation.location,
            path: path()
        )
    }

    /// Tallies an outcome; `true` when it is a fail or inconclusive result that must also be kept as a finding.
    @inline(__always)
    mutating func count(_ contract: Int, _ outcome: Outcome, slot: Int) -> Bool {
        tallyTable[slot][contract].add(outcome)
        return outcome == .fail || outcome == .inconclusive
    }

    /// Tallies a verdict in the tallies of `slot` (the slot of `target`), and keeps it as a finding when it
    /// is a fail or inconclusive result.
    mutating func record(
        _ contract: Int,
        _ id: String,
        _ verdict: Verdict,
        slot: Int,
        target: String,
        location: ObservationLocation,
        path: @autoclosure () -> String
    ) {
        guard count(contract, verdict.outcome, slot: slot) else { return }
        keep(id, verdict, target: target, location: location, path: path())
    }

    /// Keeps the findings of a fail or inconclusive verdict: one per field that decided it.
    mutating func keep(_ id: String, _ verdict: Verdict, target: String, location: ObservationLocation, path: String) {
        let key = "\(target)\u{0}\(id)"
        for decided in verdict.all {
            let count = findingCounts[key, default: 0]
            findingCounts[key] = count + 1
            guard count < Self.findingLimit else { continue }
            findings.append(
                Finding(
                    contractID: id,
                    outcome: decided.outcome,
                    target: target,
                    location: location,
                    path: decided.field.map { Self.join(path, $0) } ?? path,
                    value: decided.value.map(Self.shorten),
                    detail: decided.detail ?? (decided.outcome == .fail ? "the rule does not hold" : "inconclusive")
                )
            )
        }
    }

    /// Adds the results of a run evaluated separately (another file, in parallel).
    public mutating func merge(_ other: RunAccumulator) {
        if isEmpty {
            // Nothing to combine with: adopting the other run gives the same result without rehashing it.
            self = other
            return
        }
        for (target, list) in zip(other.targetNames, other.tallyTable) {
            let slot = slot(for: target)
            for i in list.indices { tallyTable[slot][i].merge(list[i]) }
        }
        var room: [String: Int] = [:]
        for (key, count) in other.findingCounts {
            room[key] = max(0, Self.findingLimit - findingCounts[key, default: 0])
            findingCounts[key, default: 0] += count
        }
        for finding in other.findings {
            let key = "\(finding.target)\u{0}\(finding.contractID)"
            guard let left = room[key], left > 0 else { continue }
            findings.append(finding)
            room[key] = left - 1
        }
        for (key, points) in other.sequencePoints { sequencePoints[key, default: []].append(contentsOf: points) }
        for (key, list) in other.pages { pages[key, default: []].append(contentsOf: list) }
        observations += other.observations
        errors += other.errors
        skipped += other.skipped
        files += other.files
    }

    /// Whether nothing has been recorded or counted yet.
    var isEmpty: Bool {
        observations == 0 && errors == 0 && skipped == 0 && files == 0 && targetNames.isEmpty && findings.isEmpty
            && findingCounts.isEmpty && sequencePoints.isEmpty && pages.isEmpty
    }

    /// Drops what only the chain and sequence contracts needed (they have been judged).
    mutating func dropCollected() {
        sequencePoints = [:]
        pages = [:]
    }

    /// Counts interactions that were not judged (no operation).
    public mutating func addSkipped(_ count: Int) { skipped += count }

    /// Counts a file read.
    public mutating func addFile() { files += 1 }

    static func join(_ base: String, _ field: String) -> String {
        if field.hasPrefix("request.") { return field }
        return base + "." + field
    }

    /// The value as compact JSON, cut after 120 characters when longer than 160; a cut value says how long it
    /// is: a string in characters (Unicode scalars) and UTF-8 bytes of its text, anything else in bytes of JSON.
    static func shorten(_ value: JSONValue) -> String {
        let text = JSONWriter.string(value)
        guard text.count > 160 else { return text }
        let size: String
        if case .string(let string) = value {
            let characters = string.unicodeScalars.count
            let bytes = string.utf8.count
            size = "\(characters) characters, \(bytes) UTF-8 bytes"
        } else {
            size = "\(text.utf8.count) bytes of JSON"
        }
        return String(text.prefix(120)) + "… (\(size))"
    }
}
