/// A JUnit XML report: suites of test cases, each passed, failed or skipped. Every JUnit file the tool writes
/// (`verify`, `check`, `live`, `check-cli`) is one of these, rendered by ``xml`` with one XML escaper.
public struct JUnitReport: Sendable, Equatable {
    /// How one test case ended.
    public enum Outcome: Sendable, Equatable {
        /// It held; `output`, when given, becomes `<system-out>`.
        case passed(output: String? = nil)
        /// It failed: `<failure type="…" message="…">details</failure>`.
        case failed(type: String?, message: String, details: String? = nil)
        /// It did not apply or could not decide: `<skipped message="…">details</skipped>`.
        case skipped(message: String, details: String? = nil)
    }

    /// One `<testcase>`.
    public struct TestCase: Sendable, Equatable {
        public var classname: String
        public var name: String
        public var outcome: Outcome

        public init(classname: String, name: String, outcome: Outcome) {
            self.classname = classname
            self.name = name
            self.outcome = outcome
        }
    }

    /// One `<testsuite>`.
    public struct Suite: Sendable, Equatable {
        public var name: String
        public var cases: [TestCase]

        public init(name: String, cases: [TestCase]) {
            self.name = name
            self.cases = cases
        }

        /// Cases that failed.
        public var failures: Int { cases.count { if case .failed = $0.outcome { true } else { false } } }
        /// Cases that were skipped.
        public var skipped: Int { cases.count { if case .skipped = $0.outcome { true } else { false } } }
    }

    /// The `name` of `<testsuites>`, if any.
    public var name: String?
    /// The suites, in order.
    public var suites: [Suite]

    public init(name: String? = nil, suites: [Suite]) {
        self.name = name
        self.suites = suites
    }
}
