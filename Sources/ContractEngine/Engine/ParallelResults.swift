import Dispatch

/// One accumulator per part of a parallel evaluation, each written once by the part's own worker.
final class ParallelResults: @unchecked Sendable {
    // Each slot is written by exactly one worker (its part index) through a fixed buffer, and read only after
    // every worker finished (`DispatchQueue.concurrentPerform` returns when all iterations are done), so no two
    // threads touch a slot and the buffer itself never changes.
    private let slots: UnsafeMutableBufferPointer<RunAccumulator>

    init(count: Int, initial: RunAccumulator) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ run: RunAccumulator, at index: Int) { slots[index] = run }

    var results: [RunAccumulator] { Array(slots) }
}
