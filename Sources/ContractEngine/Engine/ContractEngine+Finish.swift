import RawJSON

extension ContractEngine {
    /// Judges the pagination chains and invocation sequences collected so far, then drops what was collected
    /// for them. `verify` calls this when a file is done (pages chain within a file, and an invocation's polls
    /// are recorded in one session), so the state kept stays the size of one file however large the corpus.
    public func judgeCollected(_ run: inout RunAccumulator) {
        if !chainCode.isEmpty {
            let entries = chainCode.filter { $0.operations.contains("ListCommandInvocations") }
            for chain in run.chains() {
                let slot = run.slot(for: chain.target)
                for entry in entries {
                    guard let (verdict, page) = entry.judge(chain) else { continue }
                    let location = page?.location ?? chain.pages[0].location
                    run.record(
                        entry.index,
                        entry.id,
                        verdict,
                        slot: slot,
                        target: chain.target,
                        location: location,
                        path: "$"
                    )
                }
            }
        }
        if !sequenceCode.isEmpty {
            // The contracts of each view's operation, found once for all its sequences.
            let get = sequenceCode.filter { $0.operations.contains("GetCommandInvocation") }
            let list = sequenceCode.filter { $0.operations.contains("ListCommandInvocations") }
            for sequence in run.sequences() {
                judge(sequence, sequence.key.view == .getCommandInvocation ? get : list, into: &run)
            }
        }
        run.dropCollected()
    }

    /// Evaluates the sequence contracts `entries` on one sequence.
    private func judge(_ sequence: InvocationSequence, _ entries: [CodeEntry], into run: inout RunAccumulator) {
        let slot = run.slot(for: sequence.key.target)
        for entry in entries {
            guard let (verdict, point) = entry.judge(sequence) else { continue }
            let at = point ?? sequence.points[0]
            var detailed = verdict
            if verdict.outcome == .fail { detailed.detail = "\(sequence.key): \(verdict.detail ?? "")" }
            run.record(
                entry.index,
                entry.id,
                detailed,
                slot: slot,
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
