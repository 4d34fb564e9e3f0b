import Foundation

/// An `NSRegularExpression` compiled when made, or, for a pattern known to be valid, the first time it is used.
// @unchecked: `compiled` is only read and written under `lock`; NSRegularExpression is immutable after creation and
// documented as safe to use from several threads.
final class RegularExpression: @unchecked Sendable {
    private let pattern: String
    private let lock = NSLock()
    private var compiled: NSRegularExpression?

    /// Compiles `pattern` now; throws when it is not a valid pattern.
    init(compiling pattern: String) throws {
        self.pattern = pattern
        self.compiled = try NSRegularExpression(pattern: pattern)
    }

    /// Compiles `pattern`, which must be valid, the first time ``expression`` is read.
    init(compilingOnFirstUse pattern: String) {
        self.pattern = pattern
    }

    var expression: NSRegularExpression {
        lock.withLock {
            if let compiled { return compiled }
            // Only patterns HandMatchedPattern knows are deferred; ICU compiles them (HandMatchedPatternTests).
            let expression = try! NSRegularExpression(pattern: pattern)
            compiled = expression
            return expression
        }
    }
}
