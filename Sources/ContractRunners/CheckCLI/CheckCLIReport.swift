import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// The finding of one skeleton check for one operation.
public struct CLICheckResult: Sendable, Equatable {
    /// The check's id, e.g. `output-skeleton-valid` (see ``CheckCLIRunner/checks``).
    public let check: String
    /// The operation's CLI name.
    public let operation: String
    /// Whether the contract held.
    public let holds: Bool
    /// What was found, in one line.
    public let detail: String

    public init(check: String, operation: String, holds: Bool, detail: String) {
        self.check = check
        self.operation = operation
        self.holds = holds
        self.detail = detail
    }
}

/// Everything `check-cli` found, with the request counts that prove no skeleton run called the API.
public struct CheckCLIReport: Sendable {
    /// The CLI's path.
    public let cli: String
    /// The CLI's `--version` line.
    public let cliVersion: String
    /// The results, operation by operation, check by check.
    public let results: [CLICheckResult]
    /// How many `--generate-cli-skeleton` runs were made.
    public let skeletonRuns: Int
    /// Requests the counting endpoint received during those runs (the contract: 0).
    public let skeletonRunRequests: Int
    /// How many `--cli-input-json` runs that may call the API were made.
    public let commandRuns: Int
    /// Requests received during those (expected: they run the command).
    public let commandRunRequests: Int

    public init(
        cli: String,
        cliVersion: String,
        results: [CLICheckResult],
        skeletonRuns: Int,
        skeletonRunRequests: Int,
        commandRuns: Int,
        commandRunRequests: Int
    ) {
        self.cli = cli
        self.cliVersion = cliVersion
        self.results = results
        self.skeletonRuns = skeletonRuns
        self.skeletonRunRequests = skeletonRunRequests
        self.commandRuns = commandRuns
        self.commandRunRequests = commandRunRequests
    }

    /// The checks that did not hold.
    public var failures: [CLICheckResult] { results.filter { !$0.holds } }

    /// 0 when every check held, 1 otherwise.
    public var exitStatus: ExitStatus { failures.isEmpty ? .success : .violation }

    /// The human-readable report: the header, the results under their operation, the summary.
    public var text: String {
        var printer = LinePrinter()
        var lines = [Self.headerLine(cli: cli, version: cliVersion)]
        for result in results { lines += printer.lines(for: result) }
        return lines.joined(separator: "\n") + "\n" + summaryText
    }

    /// `check-cli: PATH (VERSION)`.
    public static func headerLine(cli: String, version: String) -> String { "check-cli: \(cli) (\(version))" }

    /// Turns results, in order, into the report's lines: the operation's name when it changes, then
    /// `  PASS|FAIL check detail`. Used for the report and for the lines printed as each result is known;
    /// `quiet` keeps failures only.
    public struct LinePrinter: Sendable {
        private var operation = ""
        private let quiet: Bool

        public init(quiet: Bool = false) { self.quiet = quiet }

        public mutating func lines(for result: CLICheckResult) -> [String] {
            if quiet, result.holds { return [] }
            var lines: [String] = []
            if result.operation != operation {
                operation = result.operation
                lines.append(operation)
            }
            let check = result.check.padding(toLength: 28, withPad: " ", startingAt: 0)
            lines.append("  \(result.holds ? "PASS" : "FAIL") \(check) \(result.detail)")
            return lines
        }
    }

    /// The request counts and the tally, after the results.
    public var summaryText: String {
        var lines: [String] = []
        lines.append(
            "requests received by the counting endpoint: \(skeletonRunRequests) during \(skeletonRuns) --generate-cli-skeleton runs; \(commandRunRequests) during \(commandRuns) --cli-input-json command runs (expected there)"
        )
        let held = results.count - failures.count
        lines.append("\(held) \(held == 1 ? "check" : "checks") held, \(failures.count) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (`format: ssm-contract.check-cli-report`).
    public var json: JSONValue {
        .object(
            JSONObject([
                JSONMember(key: "format", value: .string(ReportFormat.checkCLI)),
                JSONMember(key: "version", value: .number(JSONNumber(1))),
                JSONMember(key: "cli", value: .string(cli)),
                JSONMember(key: "cliVersion", value: .string(cliVersion)),
                JSONMember(
                    key: "requests",
                    value: [
                        "skeletonRuns": .number(JSONNumber(skeletonRuns)),
                        "skeletonRunRequests": .number(JSONNumber(skeletonRunRequests)),
                        "commandRuns": .number(JSONNumber(commandRuns)),
                        "commandRunRequests": .number(JSONNumber(commandRunRequests)),
                    ]
                ),
                JSONMember(key: "held", value: .number(JSONNumber(results.count - failures.count))),
                JSONMember(key: "failed", value: .number(JSONNumber(failures.count))),
                JSONMember(
                    key: "results",
                    value: .array(
                        results.map { result in
                            [
                                "operation": .string(result.operation), "check": .string(result.check),
                                "holds": .bool(result.holds), "detail": .string(result.detail),
                            ]
                        }
                    )
                ),
            ])
        )
    }

    /// The report as JUnit XML: one test suite per operation, one test case per check.
    public var junit: String {
        var order: [String] = []
        for result in results where !order.contains(result.operation) { order.append(result.operation) }
        let suites = order.map { operation in
            JUnitReport.Suite(
                name: operation,
                cases: results.filter { $0.operation == operation }.map { result in
                    JUnitReport.TestCase(
                        classname: "check-cli.\(operation)",
                        name: result.check,
                        outcome: result.holds
                            ? .passed(output: result.detail) : .failed(type: nil, message: result.detail)
                    )
                }
            )
        }
        return JUnitReport(name: "ssm-contract check-cli", suites: suites).xml
    }
}
