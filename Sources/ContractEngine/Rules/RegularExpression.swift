import Foundation

/// An `NSRegularExpression` compiled when made, or, for a pattern known to be valid, the first time it is used.
// @unchecked: `compiledOnFirstUse` is only read and written under `lock`; NSRegularExpression is immutable after
// creation and documented as safe to use from several threads.
final class RegularExpression: @unchecked Sendable {
    private let pattern: String
    /// The expression compiled by ``init(compiling:)``: read without the lock.
    private let compiledNow: NSRegularExpression?
    private let lock = NSLock()
    private var compiledOnFirstUse: NSRegularExpression?

    /// Compiles `pattern` now; throws when it is not a valid pattern.
    init(compiling pattern: String) throws {
        self.pattern = pattern
        self.compiledNow = try NSRegularExpression(pattern: pattern)
    }

    /// Compiles `pattern`, which must be valid, the first time ``expression`` is read.
    init(compilingOnFirstUse pattern: String) {
        self.pattern = pattern
        self.compiledNow = nil
    }

    var expression: NSRegularExpression {
        if let compiledNow { return compiledNow }
        return lock.withLock {
            if let compiledOnFirstUse { return compiledOnFirstUse }
            // Only patterns HandMatchedPattern knows are deferred; ICU compiles them (HandMatchedPatternTests).
            let expression = try! NSRegularExpression(pattern: pattern)
            compiledOnFirstUse = expression
            return expression
        }
    }
}
