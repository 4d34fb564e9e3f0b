import RawJSON

extension ContractEngine {
    /// Judges the pagination chains and invocation sequences collected so far, then drops what was collected
    /// for them. `verify` calls this when a file is done (pages chain within a file, and an invocation's polls
    /// are recorded in one session), so the state kept stays the size of one file however large the corpus.
    public func judgeCollected(_ run: inout RunAccumulator) {
        if !chainCode.isEmpty {
            for chain in run.chains() {
                for entry in chainCode where entry.operations.contains("ListCommandInvocations") {
                    guard let (verdict, page) = entry.judge(chain) else { continue }
                    let location = page?.location ?? chain.pages[0].location
                    run.record(entry.index, entry.id, verdict, target: chain.target, location: location, path: "$")
                }
            }
        }
        if !sequenceCode.isEmpty {
            for sequence in run.sequences() { judge(sequence, into: &run) }
        }
        run.dropCollected()
    }

    /// Evaluates the sequence contracts on one sequence.
    private func judge(_ sequence: InvocationSequence, into run: inout RunAccumulator) {
        let operation = sequence.key.view == .getCommandInvocation ? "GetCommandInvocation" : "ListCommandInvocations"
        for entry in sequenceCode where entry.operations.contains(operation) {
            guard let (verdict, point) = entry.judge(sequence) else { continue }
            let at = point ?? sequence.points[0]
            var detailed = verdict
            if verdict.outcome == .fail { detailed.detail = "\(sequence.key): \(verdict.detail ?? "")" }
            run.record(
                entry.index,
                entry.id,
                detailed,
                target: sequence.key.target,
                location: at.location,
                path: at.path
            )
        }
    }

    /// Judges whatever chains and sequences are still collected and returns every result.
    public func finish(_ run: consuming RunAccumulator) -> EngineResults {
        var run = run
        judgeCollected(&run)
        return EngineResults(catalog: catalog, run: run)
    }
}
