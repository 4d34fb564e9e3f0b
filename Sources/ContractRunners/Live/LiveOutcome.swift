import Cassettes
import ContractEngine
import Foundation
import RawJSON

/// What a live check found: the recording, the contract report, the drift, and the exit status.
public struct LiveOutcome: RunnerOutcome {
    /// What `record` would print for the fresh cassettes.
    public let recordingSummary: String
    /// Every contract over the fresh cassettes.
    public let contracts: VerificationReport
    /// Drift since the baseline, and of the model.
    public let drift: DriftReport
    /// The source the fresh cassettes are labelled with.
    public let source: CassetteSource
    /// The endpoint the requests went to.
    public let endpoint: String
    /// The folder holding the fresh cassettes.
    public let output: URL
    /// What happened to the baseline with `--update-baseline`; `nil` without it.
    public let baselineLine: String?
    /// 0 contracts hold and no drift; 1 a contract failed; 4 a scenario was inconclusive; 5 drift only.
    public let exitStatus: ExitStatus
    /// The scenarios that could not be observed whole (throttling, transport failures, a cap), and why.
    public var inconclusive: [String: String] = [:]
    /// The API calls the run sent (retries included).
    public var apiCalls = 0

    /// Creates an outcome.
    public init(
        recordingSummary: String,
        contracts: VerificationReport,
        drift: DriftReport,
        source: CassetteSource,
        endpoint: String,
        output: URL,
        baselineLine: String?,
        exitStatus: ExitStatus,
        inconclusive: [String: String] = [:],
        apiCalls: Int = 0
    ) {
        self.recordingSummary = recordingSummary
        self.contracts = contracts
        self.drift = drift
        self.source = source
        self.endpoint = endpoint
        self.output = output
        self.baselineLine = baselineLine
        self.inconclusive = inconclusive
        self.exitStatus = exitStatus
        self.apiCalls = apiCalls
    }

    /// The report: recording summary, the contract report as `verify` prints it, the drift section, the baseline
    /// line, and the result.
    public var text: String {
        var out = "ssm-contract live: " + recordingSummary + "\n\n"
        out += contracts.text(title: "ssm-contract live: contracts") + "\n"
        let notExercised = contracts.notExercisedDeviations
        if !notExercised.isEmpty {
            out +=
                "Known deviations not exercised: \(notExercised.joined(separator: ", ")) — they did not fail, but this "
                + "run observed only part of the scenario catalog, so the responses that showed them may not have been "
                + "requested; a run of the whole catalog judges whether they still hold\n\n"
        }
        if !inconclusive.isEmpty {
            out += "Inconclusive scenarios (nothing is concluded from what they did not observe):\n"
            for name in inconclusive.keys.sorted() { out += "  INCONCLUSIVE \(name): \(inconclusive[name]!)\n" }
            out += "\n"
        }
        out += "API calls: \(apiCalls)\n"
        out += drift.text
        if let baselineLine { out += "\n" + baselineLine + "\n" }
        out += "\n" + resultLine + "\n"
        return out
    }

    /// `Result: …` with the exit status.
    public var resultLine: String {
        let contractsPart =
            (contracts.hasViolations ? "a contract failed" : "contracts hold")
            + (inconclusive.isEmpty
                ? "" : ", \(inconclusive.count) scenario\(inconclusive.count == 1 ? "" : "s") inconclusive")
        let driftPart: String
        if !drift.baselineExists {
            driftPart = "no baseline to compare with" + (drift.modelItems.isEmpty ? "" : ", model drift")
        } else {
            driftPart =
                drift.hasDrift ? "\(Plural.count(drift.drift.count, "difference")) since the baseline" : "no drift"
        }
        return "Result: \(contractsPart); \(driftPart) (exit \(exitStatus.rawValue))"
    }

    /// The whole report as JSON (`format: ssm-contract.live-report`).
    public var json: JSONValue {
        var root = JSONObject()
        root.append(key: "format", value: .string(ReportFormat.live))
        root.append(key: "version", value: .number(JSONNumber(1)))
        root.append(key: "source", value: .string(source.description))
        root.append(key: "endpoint", value: .string(endpoint))
        root.append(key: "output", value: .string(output.path))
        root.append(key: "exitStatus", value: .number(JSONNumber(Int(exitStatus.rawValue))))
        root.append(key: "result", value: .string(resultLine))
        root.append(key: "contracts", value: contracts.json)
        root.append(key: "drift", value: drift.json)
        root.append(key: "baselineUpdate", value: baselineLine.map { .string($0) } ?? .null)
        root.append(key: "apiCalls", value: .number(JSONNumber(apiCalls)))
        var scenarios = JSONObject()
        for name in inconclusive.keys.sorted() { scenarios.append(key: name, value: .string(inconclusive[name]!)) }
        root.append(key: "inconclusive", value: .object(scenarios))
        return .object(root)
    }

    /// The contract report's JUnit XML with the drift suite added.
    public var junit: String {
        JUnitReport(suites: [
            contracts.junitSuite(name: "ssm-contract live contracts"),
            drift.junitSuite(name: "ssm-contract live drift"),
        ]).xml
    }

    func writeReports(json path: String?, junit junitPath: String?) throws(RunnerError) {
        try ReportFiles.write(json: json, to: path)
        if let junitPath { try ReportFiles.write(Data(junit.utf8), to: junitPath) }
    }
}
