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

    struct CodeEntry: Sendable {
        let index: Int
        let contract: Contract
        let code: CodeContract
        /// Computed once: the contract's operations.
        let operations: Set<String>

        init(index: Int, contract: Contract, code: CodeContract) {
            self.index = index
            self.contract = contract
            self.code = code
            self.operations = Set(contract.operations)
        }
    }

    /// The catalog evaluated.
    public let catalog: ContractCatalog
    let data: [String: [DataEntry]]
    let responseCode: [String: [CodeEntry]]
    let observationCode: [String: [CodeEntry]]
    let chainCode: [CodeEntry]
    let sequenceCode: [CodeEntry]

    /// Compiles the catalog: rules are grouped by operation once, so each observation only visits its own.
    public init(catalog: ContractCatalog) {
        self.catalog = catalog
        var data: [String: [DataEntry]] = [:]
        var response: [String: [CodeEntry]] = [:], observation: [String: [CodeEntry]] = [:]
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
                case .response: for op in contract.operations { response[op, default: []].append(entry) }
                case .observation: for op in contract.operations { observation[op, default: []].append(entry) }
                case .chain: chain.append(entry)
                case .sequence: sequence.append(entry)
                }
            }
        }
        self.data = data
        self.responseCode = response
        self.observationCode = observation
        self.chainCode = chain
        self.sequenceCode = sequence
    }

    /// An empty accumulator for this engine.
    public func makeAccumulator() -> RunAccumulator { RunAccumulator(contractCount: catalog.contracts.count) }

    /// Evaluates every per-response and per-observation contract on `observation`, and keeps what the chain
    /// and sequence contracts need.
    public func evaluate(_ observation: Observation, into run: inout RunAccumulator) {
        run.observations += 1
        let op = observation.operation
        let slot = run.slot(for: observation.target)
        for entry in observationCode[op] ?? [] {
            guard case .observation(let judge) = entry.code.body else { continue }
            run.record(entry.index, entry.contract.id, judge(entry.contract, observation), slot: slot, observation: observation, path: "$")
        }
        guard case .json(let body) = observation.body else {
            if case .error = observation.body { run.errors += 1 }
            return
        }
        let request = observation.request
        for entry in data[op] ?? [] {
            if entry.at.steps.isEmpty {
                let verdict = entry.rule.evaluate(subject: body, request: request)
                run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: "$")
                continue
            }
            entry.at.forEachSubject(in: body) { subject, indices in
                let verdict = entry.rule.evaluate(subject: subject, request: request)
                run.record(entry.index, entry.id, verdict, slot: slot, observation: observation, path: entry.at.concrete(indices))
            }
        }
        for entry in responseCode[op] ?? [] {
            guard case .response(let judge) = entry.code.body else { continue }
            judge(entry.contract, observation, body) { verdict, path in
                run.record(entry.index, entry.contract.id, verdict, slot: slot, observation: observation, path: path)
            }
        }
        if !sequenceCode.isEmpty { run.collectSequencePoints(observation, body) }
        if !chainCode.isEmpty { run.collectPage(observation, body) }
    }

    /// Evaluates the chain and sequence contracts and returns every result.
    public func finish(_ run: RunAccumulator) -> EngineResults {
        var run = run
        if !chainCode.isEmpty {
            for chain in run.chains() {
                for entry in chainCode where entry.operations.contains("ListCommandInvocations") {
                    guard case .chain(let judge) = entry.code.body else { continue }
                    let (verdict, page) = judge(entry.contract, chain)
                    let location = page?.location ?? chain.pages[0].location
                    run.record(entry.index, entry.contract.id, verdict, target: chain.target, location: location, path: "$")
                }
            }
        }
        if !sequenceCode.isEmpty {
            for sequence in run.sequences() {
                let operation = sequence.key.view == .getCommandInvocation ? "GetCommandInvocation" : "ListCommandInvocations"
                for entry in sequenceCode where entry.operations.contains(operation) {
                    guard case .sequence(let judge) = entry.code.body else { continue }
                    let (verdict, point) = judge(entry.contract, sequence)
                    let at = point ?? sequence.points[0]
                    var detailed = verdict
                    if verdict.outcome == .fail { detailed.detail = "\(sequence.key): \(verdict.detail ?? "")" }
                    run.record(entry.index, entry.contract.id, detailed, target: sequence.key.target, location: at.location, path: at.path)
                }
            }
        }
        return EngineResults(catalog: catalog, run: run)
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
