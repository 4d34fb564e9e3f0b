import AWSWire
import Cassettes
import ContractEngine
import Foundation
import HTTPTransport
import SSMOperations

/// `ssm-contract live`: the scheduled live-account check. Runs the scenario catalog afresh
/// (``RecordingRunner``), judges each scenario's cassette as it completes and every contract over all of them
/// (``VerifyRunner``), and reports drift against the baseline recordings (``DriftReport``) and of the SSM model
/// (``ModelDriftRunner``). The baseline is never overwritten unless asked (`--update-baseline`), and then
/// atomically (``BaselineFolder``).
///
/// Safety: everything is checked before the first request (catalog, credentials, baseline, output folder); a
/// wall-time cap and an API-call cap bound the run; when the run is interrupted (its task cancelled, e.g. on
/// SIGINT/SIGTERM), hits a cap or fails, it cancels the commands it sent that are still running — only those.
public enum LiveRunner: Runner {
    /// What `live` is told: ``LiveOptions``.
    public typealias Options = LiveOptions
    /// What a live check found: ``LiveOutcome``.
    public typealias Outcome = LiveOutcome

    /// Runs the check.
    ///
    /// - Throws: ``RunnerError``: configuration (3) for missing credentials or region; bad input (2) for a missing
    ///   `--source` on a non-AWS endpoint, an output folder that is the baseline, a baseline without a cassette of
    ///   this run's scenarios (without `--update-baseline`), an unknown scenario, unreadable cassettes or catalog.
    public static func run(_ options: LiveOptions) async throws(RunnerError) -> LiveOutcome {
        guard !options.instanceIDs.isEmpty else {
            throw RunnerError(
                "no --instance-id given: name the test instance(s) the scenarios may run their commands on",
                status: .badInput
            )
        }
        // Everything is checked before anything is sent.
        let catalog = try ScenarioCatalog.load(CatalogLocator.resolve(explicit: options.catalog.catalog))
        let selected = try catalog.select(options.scenarioNames)
        _ = try options.catalog.load()
        try ReportFiles.paths(json: options.json, junit: options.junit).folder("--output", options.output).check()
        var recording = RecordingOptions(
            outputDirectory: URL(fileURLWithPath: "."),
            source: .live,
            environment: options.environment,
            endpointURL: options.endpointURL,
            region: options.region,
            profile: options.profile,
            instanceIDs: options.instanceIDs,
            scenarioNames: options.scenarioNames,
            retryStrategy: options.retryStrategy,
            pollDelay: options.pollDelay,
            catalog: catalog,
            offlineInstanceID: options.offlineInstanceID,
            platform: options.platform,
            parameters: options.parameters,
            concurrency: options.concurrency,
            progress: options.progress
        )
        recording.replaceFlag = nil
        let configuration = try RecordingRunner.resolveConfiguration(recording)
        recording.source = try LiveSource.resolve(explicit: options.source, endpoint: configuration.endpoint.url)
        let baselineName = options.baseline ?? LiveOptions.defaultBaseline(for: recording.source)
        let baseline = URL(fileURLWithPath: baselineName).standardizedFileURL
        recording.outputDirectory = try outputFolder(options.output, baseline: baseline, baselineName: baselineName)
        if options.updateBaseline, recording.source != .live, baseline.lastPathComponent == "live" {
            throw RunnerError(
                "--update-baseline: \(baselineName) is the folder for live AWS recordings and this run is \(recording.source); choose another --baseline",
                status: .badInput
            )
        }
        try checkBaseline(
            baseline,
            name: baselineName,
            explicit: options.baseline != nil,
            scenarios: selected,
            update: options.updateBaseline
        )
        // A report path that is a cassette of this run (fresh in --output, or the baseline's) would overwrite it.
        let runCassettes = selected.flatMap { scenario in
            [recording.outputDirectory, baseline].map { $0.appendingPathComponent("\(scenario.name).json") }
        }
        try ReportFiles.paths(json: options.json, junit: options.junit)
            .refuse(overwriting: runCassettes, "a cassette this run writes or compares with")

        options.progress(
            "live: \(selected.count) scenario\(selected.count == 1 ? "" : "s") against \(configuration.endpoint.url) (\(recording.source)) on \(options.instanceIDs.joined(separator: ", ")); "
                + "caps: \(Int(options.maxWallTime)) s wall time (--max-wall-time), \(options.maxAPICalls) API calls (--max-api-calls); \(options.concurrency) at once"
        )
        let sent = SentCommands()
        let (results, calls, stopped) = try await recordWithinCaps(
            recording,
            options: options,
            sent: sent,
            configuration: configuration
        )

        var runs: [ScenarioRun] = []
        var inconclusive: [String: String] = [:]
        for result in results {
            switch result {
            case .success(let run):
                runs.append(run)
                if case .inconclusive(let reason) = run.outcome { inconclusive[run.scenario] = reason }
            case .failure(let error) where error.status == .unreachable:
                inconclusive[scenarioName(of: error, among: selected)] =
                    stopped.map { "\($0) (\(error.message))" } ?? error.message
            case .failure(let error):
                throw error
            }
        }
        if let stopped {
            for scenario in selected
            where !runs.contains(where: { $0.scenario == scenario.name }) && inconclusive[scenario.name] == nil {
                inconclusive[scenario.name] = stopped
            }
        }
        let cassettes = runs.map(\.cassette)
        guard !cassettes.isEmpty else {
            throw RunnerError(
                "live: no scenario was recorded (\(inconclusive.values.first ?? "every scenario was skipped")); nothing was checked",
                status: inconclusive.isEmpty ? .badInput : .unreachable
            )
        }
        let contracts: VerificationReport
        do {
            // A known deviation is judged stale only when the whole catalog was observed: with part of it
            // (--scenario, or scenarios left inconclusive) the responses that showed it may not have been requested.
            let wholeCatalog =
                inconclusive.isEmpty
                && (options.scenarioNames.isEmpty
                    || Set(catalog.scenarios.map(\.name)).isSubset(of: options.scenarioNames))
            contracts = try await verify(cassettes, options: options, judgesStaleDeviations: wholeCatalog)
        } catch  where error.status == .badInput && !inconclusive.isEmpty {
            // What was recorded judged nothing, and the rest could not be observed: inconclusive (4), not bad input.
            let names = inconclusive.keys.sorted().map { "\($0) (\(inconclusive[$0]!))" }.joined(separator: "; ")
            throw RunnerError("live: inconclusive — \(names); and \(error.message)", status: .unreachable)
        }
        let drift = try DriftReport.compare(
            fresh: cassettes,
            baseline: baseline,
            baselineName: baselineName,
            model: await .run(venv: options.venvURL)
        )
        var status: ExitStatus =
            contracts.hasViolations
            ? .violation : (!inconclusive.isEmpty ? .unreachable : (drift.hasDrift ? .drift : .success))
        var baselineLine: String?
        if options.updateBaseline {
            if status == .violation || !inconclusive.isEmpty {
                baselineLine =
                    "baseline: not updated — "
                    + (status == .violation
                        ? "a contract failed; fix it or list a known deviation, then run again"
                        : "some scenarios are inconclusive; run again")
            } else {
                try BaselineFolder.replace(baseline, named: baselineName, with: cassettes)
                baselineLine =
                    "baseline: \(drift.baselineExists ? "replaced" : "created") \(baselineName) with \(Plural.count(cassettes.count, "fresh cassette")) "
                    + "(written beside it, then renamed into place)"
                    + (drift.hasDrift
                        ? "; the \(Plural.count(drift.drift.count, "difference")) above are accepted" : "")
                status = .success
            }
        }
        let outcome = LiveOutcome(
            recordingSummary: RecordingRunner.summary(runs, options: recording),
            contracts: contracts,
            drift: drift,
            source: recording.source,
            endpoint: configuration.endpoint.url,
            output: recording.outputDirectory,
            baselineLine: baselineLine,
            exitStatus: status,
            inconclusive: inconclusive,
            apiCalls: calls
        )
        try outcome.writeReports(json: options.json, junit: options.junit)
        return outcome
    }

    /// Runs the scenarios through a counting libcurl transport; stops at the wall-time cap or when the task is
    /// cancelled, then cancels this run's own in-flight commands. Returns each scenario's result, the API calls
    /// sent, and why the run was stopped early (if it was).
    static func recordWithinCaps(
        _ recording: RecordingOptions,
        options: LiveOptions,
        sent: SentCommands,
        configuration: AWSConfiguration
    ) async throws(RunnerError) -> ([Result<ScenarioRun, RunnerError>], Int, String?) {
        do {
            return try await CurlTransport.withCurlTransport { curl in
                let budget = CallBudget(upstream: curl, limit: options.maxAPICalls)
                let work = Task {
                    try await RecordingRunner.recordEach(recording, upstream: budget, sentCommands: sent) { run in
                        await judgeAsItArrives(run, options: options)
                    }
                }
                let watchdog = Task {
                    try? await Task.sleep(nanoseconds: UInt64(max(options.maxWallTime, 0) * 1e9))
                    if !Task.isCancelled { work.cancel() }
                }
                let results: [Result<ScenarioRun, RunnerError>]
                let interrupted: Bool
                do {
                    results = try await withTaskCancellationHandler {
                        try await work.value
                    } onCancel: {
                        work.cancel()
                    }
                    interrupted = Task.isCancelled
                } catch {
                    watchdog.cancel()
                    await cancelOwnCommands(sent, curl: curl, configuration: configuration, progress: options.progress)
                    throw error
                }
                let timedOut = work.isCancelled && !interrupted
                watchdog.cancel()
                let capped = budget.count >= options.maxAPICalls
                let stopped: String? =
                    interrupted
                    ? "interrupted"
                    : timedOut
                        ? "the wall-time cap (--max-wall-time \(Int(options.maxWallTime))) was reached"
                        : capped ? CallCapReached(limit: options.maxAPICalls).description : nil
                if stopped != nil
                    || results.contains(where: { if case .failure = $0 { return true } else { return false } })
                {
                    await cancelOwnCommands(sent, curl: curl, configuration: configuration, progress: options.progress)
                }
                return (results, budget.count, stopped)
            }
        } catch let error as RunnerError {
            throw error
        } catch {
            throw RunnerError("cannot start the libcurl transport: \(error)", status: .unreachable)
        }
    }

    /// Judges one scenario's cassette as soon as it is written and prints one line: the contracts it breaks
    /// (known deviations aside), or that they hold.
    static func judgeAsItArrives(_ run: ScenarioRun, options: LiveOptions) async {
        let report: VerificationReport
        do {
            report = try await verify([run.cassette], options: options, judgesStaleDeviations: false)
        } catch {
            options.progress(
                "\(run.scenario): no contract applies to its \(run.report.interactionCount) interactions (\(error.message))"
            )
            return
        }
        let failing = report.rows.filter { row in
            row.contract.severity == .error && row.targets.contains { $0.tally.fail > 0 && $0.deviationState != .held }
        }.map(\.contract.id)
        let judged = report.rows.filter { row in row.targets.contains { $0.tally.pass + $0.tally.fail > 0 } }.count
        options.progress(
            failing.isEmpty
                ? "\(run.scenario): contracts hold (\(judged) judged on its \(run.report.interactionCount) interactions)"
                : "\(run.scenario): FAIL \(failing.joined(separator: ", "))"
        )
    }

    /// Sends CancelCommand for each command this run sent that is still in flight (never any other), in a task
    /// the interrupt does not cancel.
    static func cancelOwnCommands(
        _ sent: SentCommands,
        curl: any HTTPTransport,
        configuration: AWSConfiguration,
        progress: @escaping @Sendable (String) -> Void
    ) async {
        let pending = await sent.pending
        guard !pending.isEmpty else { return }
        await Task.detached {
            let ssm = SSMClient(transport: curl, configuration: configuration)
            for commandID in pending {
                do {
                    _ = try await ssm.cancelCommand(CancelCommandInput(commandId: commandID))
                    progress("live: cancelled \(commandID), a command this run sent that was still running")
                } catch {
                    progress(
                        "live: could not cancel \(commandID) (\(error)); cancel it yourself: aws ssm cancel-command --command-id \(commandID)"
                    )
                }
            }
        }.value
    }

    /// The scenario a failure message starts with (`name: …` or `… name was not written`).
    static func scenarioName(of error: RunnerError, among scenarios: [ScenarioDefinition]) -> String {
        scenarios.first {
            error.message.hasPrefix("\($0.name):") || error.message.contains(" \($0.name) was not written")
        }?.name ?? "run"
    }

    /// A baseline that exists must hold a cassette of at least one of this run's scenarios — otherwise "no
    /// drift" would be a false green (bad input, unless `--update-baseline`). A baseline that does not exist is
    /// reported as such ("no baseline to compare with").
    static func checkBaseline(
        _ baseline: URL,
        name: String,
        explicit: Bool,
        scenarios: [ScenarioDefinition],
        update: Bool
    ) throws(RunnerError) {
        guard !update else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: baseline.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw RunnerError("--baseline \(name) is not a folder of cassettes", status: .badInput)
        }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: baseline.path)) ?? [])
        guard scenarios.contains(where: { names.contains("\($0.name).json") }) else {
            throw RunnerError(
                "--baseline \(name) holds no cassette of this run's scenarios (\(scenarios.map { "\($0.name).json" }.prefix(3).joined(separator: ", "))…), so nothing could be compared; "
                    + "point --baseline at earlier recordings of the catalog, or create them with --update-baseline",
                status: .badInput
            )
        }
    }

    /// Every contract over the fresh cassettes, with the catalog's known deviations (judged stale or not exercised
    /// as `judgesStaleDeviations` says).
    static func verify(
        _ cassettes: [URL],
        options: LiveOptions,
        judgesStaleDeviations: Bool
    ) async throws(RunnerError) -> VerificationReport {
        var verify = VerifyRunner.Options()
        verify.judgesStaleDeviations = judgesStaleDeviations
        verify.paths = cassettes.map(\.path)
        verify.catalog = options.catalog
        verify.today = options.today
        guard let report = try await VerifyRunner.run(verify).report else {
            throw RunnerError("verify returned no report", status: .internalError)
        }
        return report
    }

    /// `--output`, or a new `.build/live/<UTC time>` folder; refused when it is, holds or lies inside the baseline
    /// (`baselineName`: the baseline as the user gave it, for the message).
    static func outputFolder(_ explicit: String?, baseline: URL, baselineName: String) throws(RunnerError) -> URL {
        let stamp = timestamp()
        var output = URL(fileURLWithPath: explicit ?? ".build/live/\(stamp)")
        var suffix = 2
        while explicit == nil, FileManager.default.fileExists(atPath: output.path) {
            output = URL(fileURLWithPath: ".build/live/\(stamp)-\(suffix)")
            suffix += 1
        }
        let (a, b) = (output.standardizedFileURL.path + "/", baseline.path + "/")
        if a.hasPrefix(b) || b.hasPrefix(a) {
            throw RunnerError(
                "--output \(output.relativePath) overlaps the baseline \(baselineName): fresh recordings never go over the baseline (use --update-baseline to replace it)",
                status: .badInput
            )
        }
        return output
    }

    /// The current UTC time as `20261121T082501Z`.
    static func timestamp() -> String {
        ISO8601DateFormatter.string(
            from: Date(),
            timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        )
    }
}
