import Dispatch
import Foundation
import RawJSON

extension ContractEngine {
    /// Evaluates the sequence contracts on one sequence.
    private func judge(_ sequence: InvocationSequence, into run: inout RunAccumulator) {
        let operation = sequence.key.view == .getCommandInvocation ? "GetCommandInvocation" : "ListCommandInvocations"
        for entry in sequenceCode where entry.operations.contains(operation) {
            guard let judged = entry.judge(sequence) else { continue }
            let (verdict, point) = judged
            let at = point ?? sequence.points[0]
            var detailed = verdict
            if verdict.outcome == .fail { detailed.detail = "\(sequence.key): \(verdict.detail ?? "")" }
            run.record(entry.index, entry.id, detailed, target: sequence.key.target, location: at.location, path: at.path)
        }
    }

    /// `count` items cut into at most `width` contiguous ranges of nearly equal size.
    static func parts(_ count: Int, width: Int) -> [Range<Int>] {
        let n = max(1, min(width, count / 1000 + 1))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }

    /// Evaluates the chain and sequence contracts and returns every result.
    public func finish(_ run: consuming RunAccumulator) -> EngineResults {
        var run = run
        if !chainCode.isEmpty {
            for chain in run.chains() {
                for entry in chainCode where entry.operations.contains("ListCommandInvocations") {
                    guard let judged = entry.judge(chain) else { continue }
                    let (verdict, page) = judged
                    let location = page?.location ?? chain.pages[0].location
                    run.record(entry.index, entry.id, verdict, target: chain.target, location: location, path: "$")
                }
            }
        }
        if !sequenceCode.isEmpty {
            // The sequences are judged in parallel, in contiguous parts whose results are merged in order: the
            // same tallies and findings, in the same order, as one pass.
            let sequences = run.sequences()
            let parts = Self.parts(sequences.count, width: ProcessInfo.processInfo.activeProcessorCount)
            let partial = ParallelResults(count: parts.count, initial: makeAccumulator())
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                var local = makeAccumulator()
                for i in parts[part] { judge(sequences[i], into: &local) }
                partial.store(local, at: part)
            }
            for local in partial.results { run.merge(local) }
        }
        run.releaseCollected()
        return EngineResults(catalog: catalog, run: run)
    }
}
