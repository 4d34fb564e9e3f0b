import Cassettes
import ContractEngine
import Foundation

/// `ssm-contract live`: the scheduled live-account check. Records the scenarios afresh (``RecordingRunner``),
/// verifies every contract over the fresh cassettes (``VerifyRunner``), and reports drift against the baseline
/// recordings (``DriftReport``) and of the SSM model (``ModelDriftRunner``). The baseline is never overwritten
/// unless asked (`--update-baseline`), and then atomically (``BaselineFolder``).
public enum LiveRunner {
    /// Runs the check.
    ///
    /// - Throws: ``RunnerError``: configuration (3) for missing credentials or region; bad input (2) for a missing
    ///   `--source` on a non-AWS endpoint, an output folder that is the baseline, an unknown scenario, unreadable
    ///   cassettes or catalog; unreachable (4) when the endpoint cannot be reached.
    public static func run(_ options: LiveOptions) async throws(RunnerError) -> LiveOutcome {
        guard !options.instanceIDs.isEmpty else {
            throw RunnerError("no --instance-id given: name the test instance(s) the check may run `\(options.commands.joined(separator: "; "))` on", status: .badInput)
        }
        _ = try RecordingRunner.select(options.scenarioNames)
        try ReportFiles.paths(json: options.json, junit: options.junit).folder("--output", options.output).check()
        var recording = RecordingOptions(
            outputDirectory: URL(fileURLWithPath: "."), source: .live, environment: options.environment,
            endpointURL: options.endpointURL, region: options.region, profile: options.profile,
            instanceIDs: options.instanceIDs, scenarioNames: options.scenarioNames, retryStrategy: options.retryStrategy,
            pollDelay: options.pollDelay, commands: options.commands)
        recording.replaceFlag = nil
        let configuration = try RecordingRunner.resolveConfiguration(recording)
        recording.source = try LiveSource.resolve(explicit: options.source, endpoint: configuration.endpoint.url)
        let baselineName = options.baseline ?? LiveOptions.defaultBaseline(for: recording.source)
        let baseline = URL(fileURLWithPath: baselineName).standardizedFileURL
        recording.outputDirectory = try outputFolder(options.output, baseline: baseline)
        if options.updateBaseline, recording.source != .live, baseline.lastPathComponent == "live" {
            throw RunnerError("--update-baseline: \(baselineName) is the folder for live AWS recordings and this run is \(recording.source); choose another --baseline", status: .badInput)
        }
        let runs = try await RecordingRunner.recordThroughCurl(recording)
        let cassettes = runs.map(\.cassette)

        let contracts = try await verify(cassettes, options: options)
        let drift = try DriftReport.compare(
            fresh: cassettes, baseline: baseline, baselineName: baselineName, model: .run(venv: options.venvURL))
        var status: ExitStatus = contracts.hasViolations ? .violation : (drift.hasDrift ? .drift : .success)
        var baselineLine: String?
        if options.updateBaseline {
            if status == .violation {
                baselineLine = "baseline: not updated — a contract failed; fix it or list a known deviation, then run again"
            } else {
                try BaselineFolder.replace(baseline, with: cassettes)
                baselineLine = "baseline: \(drift.baselineExists ? "replaced" : "created") \(baselineName) with \(cassettes.count) fresh cassette(s) "
                    + "(written beside it, then renamed into place)"
                    + (drift.hasDrift ? "; the \(drift.drift.count) difference(s) above are accepted" : "")
                status = .success
            }
        }
        let outcome = LiveOutcome(
            recordingSummary: RecordingRunner.summary(runs, options: recording), contracts: contracts, drift: drift,
            source: recording.source, endpoint: configuration.endpoint.url, output: recording.outputDirectory,
            baselineLine: baselineLine, status: status)
        try outcome.writeReports(json: options.json, junit: options.junit)
        return outcome
    }

    /// Every contract over the fresh cassettes, with the catalog's known deviations.
    static func verify(_ cassettes: [URL], options: LiveOptions) async throws(RunnerError) -> VerificationReport {
        var verify = VerifyRunner.Options()
        verify.paths = cassettes.map(\.path)
        verify.catalog = options.catalog
        verify.today = options.today
        guard let report = try await VerifyRunner.run(verify).report else {
            throw RunnerError("verify returned no report", status: .internalError)
        }
        return report
    }

    /// `--output`, or a new `.build/live/<UTC time>` folder; refused when it is, holds or lies inside the baseline.
    static func outputFolder(_ explicit: String?, baseline: URL) throws(RunnerError) -> URL {
        let stamp = timestamp()
        var output = URL(fileURLWithPath: explicit ?? ".build/live/\(stamp)")
        var suffix = 2
        while explicit == nil, FileManager.default.fileExists(atPath: output.path) {
            output = URL(fileURLWithPath: ".build/live/\(stamp)-\(suffix)")
            suffix += 1
        }
        let (a, b) = (output.standardizedFileURL.path + "/", baseline.path + "/")
        if a.hasPrefix(b) || b.hasPrefix(a) {
            throw RunnerError("--output \(output.standardizedFileURL.path) overlaps the baseline \(baseline.path): fresh recordings never go over the baseline (use --update-baseline to replace it)", status: .badInput)
        }
        return output
    }

    /// The current UTC time as `20261121T082501Z`.
    static func timestamp() -> String {
        ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
    }
}
