import RawJSON

extension ContractEngine.CodeEntry {
    // Each call hands the judge the entry's own contract (borrowed from the entry, not copied member by member).

    /// The verdict of a per-observation contract, or nil when the entry is not one.
    func judge(_ observation: Observation) -> Verdict? {
        guard case .observation(let judge) = code.body else { return nil }
        return judge(contract, observation)
    }

    /// Runs a per-response contract on a successful JSON response (nothing when the entry is not one).
    func judge(_ observation: Observation, _ body: JSONTape.Value, _ record: CodeContract.Record) {
        guard case .response(let judge) = code.body else { return }
        judge(contract, observation, body, record)
    }

    /// The verdict of a sequence contract, or nil when the entry is not one.
    func judge(_ sequence: InvocationSequence) -> (Verdict, SequencePoint?)? {
        guard case .sequence(let judge) = code.body else { return nil }
        return judge(contract, sequence)
    }

    /// The verdict of a chain contract, or nil when the entry is not one.
    func judge(_ chain: PaginationChain) -> (Verdict, ChainPage?)? {
        guard case .chain(let judge) = code.body else { return nil }
        return judge(contract, chain)
    }
}
