import Foundation

/// One fuzz target: a name for the command line and a body run on every input.
struct FuzzTarget: Sendable {
    /// The name given on the command line and used for the corpus folder (`Tests/Fuzz/corpus/<name>`).
    let name: String
    /// Runs the code under test on one input; traps when it breaks a promise.
    let body: @Sendable ([UInt8]) -> Void

    /// Every target, in the order `make fuzz` runs them.
    static let all: [FuzzTarget] = [jsonParser, cassetteLoader, awsErrorDecoder, checkInput, replayMatcher]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The target this process runs (set once in `main`, before libFuzzer starts calling back).
    nonisolated(unsafe) static var selected: FuzzTarget?  // written once before any callback, read only after

    /// Traps with `message` (libFuzzer saves the input as a crash) when `condition` is false.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError(message()) }
    }
}
