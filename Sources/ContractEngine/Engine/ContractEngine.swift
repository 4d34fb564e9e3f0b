import RawJSON

/// Evaluates a catalog over observations: per-response data rules and Swift contracts as observations arrive,
/// then pagination chains and invocation sequences once every observation is in.
///
/// ```swift
/// let engine = ContractEngine(catalog: catalog)
/// var run = engine.makeAccumulator()
/// for observation in observations { engine.evaluate(observation, into: &run) }
/// let results = engine.finish(run)
/// ```
/// Accumulators filled in parallel (one per file) are combined with ``RunAccumulator/merge(_:)`` before
/// ``finish(_:)``.
public struct ContractEngine: Sendable {
    /// A final class, so handing an entry around costs one retain, not one per member.
    final class DataEntry: Sendable {
        let index: Int
        let id: String
        let at: SubjectPath
        let rule: DataRule

        init(index: Int, id: String, at: SubjectPath, rule: DataRule) {
            self.index = index
            self.id = id
            self.at = at
            self.rule = rule
        }
    }

    /// A final class, so iterating the entries costs one retain per entry, not one per member of the contract.
    final class CodeEntry: Sendable {
        let index: Int
        let contract: Contract
        let code: CodeContract
        /// The contract's id.
        let id: String
        /// Computed once: the contract's operations.
        let operations: Set<String>

        init(index: Int, contract: Contract, code: CodeContract) {
            self.index = index
            self.contract = contract
            self.id = contract.id
            self.code = code
            self.operations = Set(contract.operations)
        }
    }

    /// The data entries of one operation that read the same subjects: the subjects are found once and every
    /// entry is evaluated on each, in entry order.
    struct SubjectGroup: Sendable {
        let at: SubjectPath
        let entries: [DataEntry]
    }

    /// Everything evaluated on an observation of one operation, looked up once per observation.
    struct OperationPlan: Sendable {
        var observation: [CodeEntry] = []
        var groups: [SubjectGroup] = []
        var response: [CodeEntry] = []
    }

    /// The catalog evaluated.
    public let catalog: ContractCatalog
    let plans: [String: OperationPlan]
    let chainCode: [CodeEntry]
    let sequenceCode: [CodeEntry]
    /// The field names known when the engine was made (every path of its catalog): a subject remembers where
    /// these are.
    let fieldSlots: Int

    /// Compiles the catalog: rules are grouped by operation once, so each observation only visits its own.
    public init(catalog: ContractCatalog) {
        self.catalog = catalog
        var data: [String: [DataEntry]] = [:]
        var plans: [String: OperationPlan] = [:]
        var chain: [CodeEntry] = [], sequence: [CodeEntry] = []
        for (index, contract) in catalog.contracts.enumerated() {
            switch contract.implementation {
            case .data(let rule):
                for scope in contract.appliesTo {
                    data[scope.operation, default: []].append(DataEntry(index: index, id: contract.id, at: scope.at, rule: rule))
                }
            case .swift:
                guard let code = CodeContractRegistry.byID[contract.id] else { continue }
                let entry = CodeEntry(index: index, contract: contract, code: code)
                switch code.body {
                case .response: for op in contract.operations { plans[op, default: OperationPlan()].response.append(entry) }
                case .observation: for op in contract.operations { plans[op, default: OperationPlan()].observation.append(entry) }
                case .chain: chain.append(entry)
                case .sequence: sequence.append(entry)
                }
            }
        }
        for (op, entries) in data { plans[op, default: OperationPlan()].groups = Self.group(entries) }
        self.plans = plans
        self.chainCode = chain
        self.sequenceCode = sequence
        self.fieldSlots = FieldNames.shared.count
    }

    /// Groups entries by subject path (in order of first appearance). A contract's results must keep their
    /// order, so when a contract has two scopes on one operation every entry keeps its own group.
    static func group(_ entries: [DataEntry]) -> [SubjectGroup] {
        guard Set(entries.map(\.id)).count == entries.count else {
            return entries.map { SubjectGroup(at: $0.at, entries: [$0]) }
        }
        var order: [SubjectPath] = []
        var byPath: [SubjectPath: [DataEntry]] = [:]
        for entry in entries {
            if byPath[entry.at] == nil { order.append(entry.at) }
            byPath[entry.at, default: []].append(entry)
        }
        return order.map { SubjectGroup(at: $0, entries: byPath[$0]!) }
    }

    /// An empty accumulator for this engine.
    public func makeAccumulator() -> RunAccumulator { RunAccumulator(contractCount: catalog.contracts.count) }

    /// Evaluates every per-response and per-observation contract on `observation`, and keeps what the chain
    /// and sequence contracts need.
    public func evaluate(_ observation: Observation, into run: inout RunAccumulator) {
        run.observations += 1
        let slot = run.slot(for: observation.target)
        guard let plan = plans[observation.operation] else {
            if case .error = observation.body { run.errors += 1 }
            collect(observation, into: &run)
            return
        }
        for entry in plan.observation {
            guard let verdict = entry.judge(observation) else { continue }
            run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: "$")
        }
        guard case .json(let body) = observation.body else {
            if case .error = observation.body { run.errors += 1 }
            return
        }
        let request = observation.request
        // A local copy: the closures below must not capture `self` (each call would copy the whole engine).
        let fieldSlots = self.fieldSlots
        for group in plan.groups {
            // The hot path only tallies; the observation is read only for a finding.
            if group.at.steps.isEmpty {
                SubjectFields.with(body, slots: fieldSlots) { fields in
                    for entry in group.entries {
                        let verdict = entry.rule.evaluate(subject: body, request: request, fields: fields)
                        if run.count(entry.index, verdict.outcome, slot: slot) {
                            run.keep(entry.id, verdict, target: observation.target, location: observation.location, path: "$")
                        }
                    }
                }
                continue
            }
            // The walk does not touch the observation (a closure capturing it would copy it); findings are kept
            // after the walk, in the order they were found.
            var found: [(id: String, verdict: Verdict, path: String)] = []
            group.at.forEachSubjectInPlace(in: body) { subject, indices in
                SubjectFields.with(subject, slots: fieldSlots) { fields in
                    for entry in group.entries {
                        let verdict = entry.rule.evaluate(subject: subject, request: request, fields: fields)
                        if run.count(entry.index, verdict.outcome, slot: slot) {
                            found.append((entry.id, verdict, group.at.concrete(indices)))
                        }
                    }
                }
            }
            for finding in found {
                run.keep(finding.id, finding.verdict, target: observation.target, location: observation.location, path: finding.path)
            }
        }
        for entry in plan.response {
            entry.judge(observation, body) { verdict, path in
                run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: path)
            }
        }
        collect(observation, body, into: &run)
    }

    /// Keeps what the chain and sequence contracts need from a successful JSON response.
    private func collect(_ observation: Observation, _ body: JSONValue, into run: inout RunAccumulator) {
        if !sequenceCode.isEmpty { run.collectSequencePoints(observation, body) }
        if !chainCode.isEmpty { run.collectPage(observation, body) }
    }

    /// An operation without per-observation contracts: only the chain and sequence contracts may need it.
    private func collect(_ observation: Observation, into run: inout RunAccumulator) {
        guard case .json(let body) = observation.body else { return }
        collect(observation, body, into: &run)
    }
}

/// Everything a run found: tallies per contract and target, and the findings.
public struct EngineResults: Sendable {
    /// The catalog evaluated.
    public let catalog: ContractCatalog
    /// The accumulated results.
    public let run: RunAccumulator

    /// The targets seen, sorted.
    public var targets: [String] { run.tallies.keys.sorted() }

    /// The tally of a contract on a target.
    public func tally(_ contractIndex: Int, target: String) -> Tally {
        run.tallies[target]?[contractIndex] ?? Tally()
    }

    /// The tally of a contract over every target.
    public func total(_ contractIndex: Int) -> Tally {
        var total = Tally()
        for list in run.tallies.values { total.merge(list[contractIndex]) }
        return total
    }

    /// The findings of a contract on a target (at most ``RunAccumulator/findingLimit`` kept), and how many there were.
    public func findings(_ id: String, target: String) -> (kept: [Finding], count: Int) {
        (run.findings.filter { $0.contractID == id && $0.target == target }, run.findingCounts["\(target)\u{0}\(id)"] ?? 0)
    }
}
