import RawJSON

/// Evaluates a catalog over observations: per-response data rules and Swift contracts as observations arrive,
/// then pagination chains and invocation sequences when a file is done (``judgeCollected(_:)``) or at the end.
///
/// ```swift
/// let engine = ContractEngine(catalog: catalog)
/// var run = engine.makeAccumulator()
/// for observation in observations { engine.evaluate(observation, into: &run) }
/// let results = engine.finish(run)
/// ```
/// The engine is the catalog compiled once into a plan per operation; it holds no mutable state, so one engine
/// serves every thread. Accumulators filled in parallel (one per file) are combined with
/// ``RunAccumulator/merge(_:)`` in file order before ``finish(_:)``, so the results never depend on scheduling.
public struct ContractEngine: Sendable {
    /// A final class, so handing an entry around costs one retain, not one per member.
    final class DataEntry: Sendable {
        /// The contract's position in the catalog.
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

    /// The data entries of one operation that read the same subjects: the subjects are found once, their
    /// fields located once (``FieldTable``), and every entry's rule evaluated on each, in entry order
    /// (``CompiledRules``). A final class, so visiting a group costs one retain, not one per member.
    final class SubjectGroup: Sendable {
        let at: SubjectPath
        let fields: FieldTable
        let rules: CompiledRules
        /// Each rule's contract: its position in the catalog, and its id.
        let contracts: [Int]
        let ids: [String]

        init(at: SubjectPath, entries: [DataEntry]) {
            self.at = at
            let fields = FieldTable(entries.flatMap(\.rule.fieldNames))
            self.fields = fields
            self.rules = CompiledRules(entries.map(\.rule), fields: fields)
            self.contracts = entries.map(\.index)
            self.ids = entries.map(\.id)
        }
    }

    /// Everything evaluated on an observation of one operation, looked up once per observation.
    struct OperationPlan: Sendable {
        var observation: [CodeEntry] = []
        var groups: [SubjectGroup] = []
        var response: [CodeEntry] = []
    }

    /// The catalog evaluated.
    public let catalog: ContractCatalog
    /// The plan of each operation the catalog names.
    let plans: [String: OperationPlan]
    let chainCode: [CodeEntry]
    let sequenceCode: [CodeEntry]

    /// Compiles the catalog into a plan per operation: rules are grouped by operation and subject path once,
    /// so each observation only visits its own, and each subject's fields are found once.
    public init(catalog: ContractCatalog) {
        self.catalog = catalog
        var data: [String: [DataEntry]] = [:]
        var plans: [String: OperationPlan] = [:]
        var chain: [CodeEntry] = []
        var sequence: [CodeEntry] = []
        for (index, contract) in catalog.contracts.enumerated() {
            switch contract.implementation {
            case .data(let rule):
                for scope in contract.appliesTo {
                    data[scope.operation, default: []].append(
                        DataEntry(index: index, id: contract.id, at: scope.at, rule: rule)
                    )
                }
            case .swift:
                guard let code = CodeContractRegistry.byID[contract.id] else { continue }
                let entry = CodeEntry(index: index, contract: contract, code: code)
                switch code.body {
                case .response:
                    for op in contract.operations { plans[op, default: OperationPlan()].response.append(entry) }
                case .observation:
                    for op in contract.operations { plans[op, default: OperationPlan()].observation.append(entry) }
                case .chain: chain.append(entry)
                case .sequence: sequence.append(entry)
                }
            }
        }
        for (op, entries) in data { plans[op, default: OperationPlan()].groups = Self.group(entries) }
        self.plans = plans
        self.chainCode = chain
        self.sequenceCode = sequence
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
        if observation.isErrorResponse { run.errors += 1 }
        let slot = run.slot(for: observation.target)
        guard let plan = plans[observation.operation] else {
            collect(observation, into: &run)
            return
        }
        for entry in plan.observation {
            guard let verdict = entry.judge(observation) else { continue }
            run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: "$")
        }
        guard case .json(let body) = observation.body else { return }
        for group in plan.groups {
            // Findings are kept after the walk, in the order they were found (the walk only tallies).
            var found: [(id: String, verdict: Verdict, path: String)] = []
            body.withView { body in
                JSONTape.Value.withView(of: observation.request) { request in
                    group.at.forEachSubjectInPlace(in: body) { subject, indices in
                        group.fields.withFields(of: subject, request: request) { fields in
                            group.contracts.withUnsafeBufferPointer { contracts in
                                group.rules.evaluate(fields) { rule, verdict in
                                    if run.count(contracts[rule], verdict.outcome, slot: slot) {
                                        found.append((group.ids[rule], verdict, group.at.concrete(indices)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for finding in found {
                run.keep(
                    finding.id,
                    finding.verdict,
                    target: observation.target,
                    location: observation.location,
                    path: finding.path
                )
            }
        }
        for entry in plan.response {
            entry.judge(observation, body) { verdict, path in
                run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: path)
            }
        }
        collect(observation, into: &run)
    }

    /// Keeps what the chain and sequence contracts need from a successful JSON response.
    private func collect(_ observation: Observation, into run: inout RunAccumulator) {
        guard case .json(let body) = observation.body else { return }
        if !sequenceCode.isEmpty { run.collectSequencePoints(observation, body) }
        if !chainCode.isEmpty { run.collectPage(observation, body) }
    }
}

extension Observation {
    /// Whether the response is an error: an AWS error, or an unreadable body (an HTML page, say) that came
    /// with a status outside 2xx.
    var isErrorResponse: Bool {
        switch body {
        case .json: false
        case .error: true
        case .unreadable: status.map { !(200..<300).contains($0) } ?? false
        }
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
        (
            run.findings.filter { $0.contractID == id && $0.target == target },
            run.findingCounts["\(target)\u{0}\(id)"] ?? 0
        )
    }
}
