import AWSWire
import Cassettes
import ContractEngine
import Foundation
import HTTPTransport
import SSMOperations

/// What `ssm-contract record` records, and where.
public struct RecordingOptions: Sendable {
    /// The folder that receives one cassette per scenario (`<scenario>.json`); created when missing.
    public var outputDirectory: URL
    /// Where the responses come from, written into every cassette header (`mock:moto@5.2.1`, `live`).
    public var source: CassetteSource
    /// The environment the AWS configuration is resolved from.
    public var environment: [String: String]
    /// The endpoint (`--endpoint-url`); `nil` resolves it from the AWS configuration.
    public var endpointURL: String?
    /// The region (`--region`); `nil` resolves it from the AWS configuration.
    public var region: String?
    /// The profile (`--profile`); `nil` uses `AWS_PROFILE` or `default`.
    public var profile: String?
    /// The managed nodes commands are sent to.
    public var instanceIDs: [String]
    /// The scenarios to record, by name; empty records the whole catalog.
    public var scenarioNames: [String]
    /// The retry policy of the SSM client.
    public var retryStrategy: AWSRetryStrategy
    /// Seconds before the first GetCommandInvocation poll (later polls back off).
    public var pollDelay: Double
    /// The scenario catalog (`Contracts/scenarios.yaml`).
    public var catalog: ScenarioCatalog?
    /// The folder the catalog is read from when ``catalog`` is nil (`--catalog`); nil finds it as every command
    /// does (``CatalogLocator``: `$SSM_CONTRACT_CATALOG`, `./Contracts`, next to the executable).
    public var catalogFolder: String?
    /// An instance that never answers, for the unreachable-instance scenario.
    public var offlineInstanceID: String?
    /// `linux` or `windows`.
    public var platform: String
    /// `--scenario-parameter NAME=VALUE` overrides.
    public var parameters: [String: String]
    /// How many scenarios run at once.
    public var concurrency: Int
    /// One line per step as it happens.
    public var progress: @Sendable (String) -> Void
    /// Whether cassettes already in ``outputDirectory`` may be replaced (`--force`); without it, recording
    /// refuses before sending anything.
    public var replacesExisting = false
    /// The flag that sets ``replacesExisting``, named in the refusal (`nil` when the command has none).
    public var replaceFlag: String? = "--force"

    /// The instance ids used when none are given.
    public static let defaultInstanceIDs = ["i-0123456789abcdef0", "i-0fedcba9876543210"]

    /// Creates options.
    public init(
        outputDirectory: URL,
        source: CassetteSource,
        environment: [String: String],
        endpointURL: String? = nil,
        region: String? = nil,
        profile: String? = nil,
        instanceIDs: [String] = RecordingOptions.defaultInstanceIDs,
        scenarioNames: [String] = [],
        retryStrategy: AWSRetryStrategy = .standard,
        pollDelay: Double = 5,
        catalog: ScenarioCatalog? = nil,
        catalogFolder: String? = nil,
        offlineInstanceID: String? = nil,
        platform: String = "linux",
        parameters: [String: String] = [:],
        concurrency: Int = 1,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.outputDirectory = outputDirectory
        self.source = source
        self.environment = environment
        self.endpointURL = endpointURL
        self.region = region
        self.profile = profile
        self.instanceIDs = instanceIDs
        self.scenarioNames = scenarioNames
        self.retryStrategy = retryStrategy
        self.pollDelay = pollDelay
        self.catalog = catalog
        self.catalogFolder = catalogFolder
        self.offlineInstanceID = offlineInstanceID
        self.platform = platform
        self.parameters = parameters
        self.concurrency = concurrency
        self.progress = progress
    }

    /// The catalog given, or the one in ``catalogFolder``.
    func loadCatalog() throws(RunnerError) -> ScenarioCatalog {
        if let catalog { return catalog }
        return try ScenarioCatalog.load(CatalogLocator.resolve(explicit: catalogFolder))
    }
}

/// One scenario's recording or replay: the cassette, what each call gave, and the cassette transport's report.
public struct ScenarioRun: Sendable {
    /// The scenario's name.
    public let scenario: String
    /// The cassette file.
    public let cassette: URL
    /// What each call gave, typed.
    public let steps: [RecordedStep]
    /// What the cassette transport did.
    public let report: CassetteReport
    /// The endpoint the requests went to (the configured one when recording).
    public let endpoint: String
    /// How the scenario ended (completed, or inconclusive and why).
    public var outcome: ScenarioOutcome = .completed
}

/// Runs the scripted scenarios against an endpoint and writes one cassette per scenario, or replays them.
public enum RecordingRunner {
    /// Records every selected scenario through `upstream` (a `CurlTransport`), up to
    /// ``RecordingOptions/concurrency`` at once; results come back in catalog order. Scenarios the options
    /// cannot run (too few instances, no offline instance) are skipped with a progress line.
    ///
    /// - Throws: ``RunnerError``: configuration (3) for missing credentials or region, unreachable (4) when the
    ///   endpoint cannot be reached (that scenario's cassette is then not written), bad input (2) for an unknown
    ///   scenario, a bad catalog or an unwritable folder.
    package static func record(
        _ options: RecordingOptions,
        upstream: any HTTPTransport
    ) async throws(RunnerError) -> [ScenarioRun] {
        var runs: [ScenarioRun] = []
        for result in try await recordEach(options, upstream: upstream) {
            switch result {
            case .success(let run): runs.append(run)
            case .failure(let error): throw error
            }
        }
        return runs
    }

    /// Before anything is sent: a `--scenario-parameter` that no scenario of the catalog has (a misspelt name)
    /// would change nothing, and a selection whose every scenario is skipped would record nothing; both are bad
    /// input (exit 2), never a run that ends "recorded 0 scenarios" with exit 0.
    static func requireSomethingToRun(
        _ scenarios: [ScenarioDefinition],
        of catalog: ScenarioCatalog,
        context: ScenarioContext
    ) throws(RunnerError) {
        let known = Set(catalog.scenarios.flatMap(\.parameters.keys))
        if let unknown = context.parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw RunnerError(
                "--scenario-parameter \(unknown): no scenario has this parameter; the scenarios' parameters are \(known.sorted().joined(separator: ", "))",
                status: .badInput
            )
        }
        let skipped = scenarios.compactMap { scenario in
            context.skipReason(scenario).map { "\(scenario.name): \($0)" }
        }
        guard !scenarios.isEmpty, skipped.count == scenarios.count else { return }
        throw RunnerError(
            "nothing to run: every selected scenario is skipped — \(skipped.joined(separator: "; ")). Give what they need, or choose others with --scenario",
            status: .badInput
        )
    }

    /// As ``record(_:upstream:)``, but each runnable scenario's result on its own (a transport failure, an
    /// interrupt or the API-call cap fails that scenario only), in catalog order.
    static func recordEach(
        _ options: RecordingOptions,
        upstream: any HTTPTransport,
        sentCommands: SentCommands? = nil,
        finished: (@Sendable (ScenarioRun) async -> Void)? = nil
    ) async throws(RunnerError) -> [Result<ScenarioRun, RunnerError>] {
        let catalog = try options.loadCatalog()
        let scenarios = try catalog.select(options.scenarioNames)
        let context = ScenarioContext(
            instanceIDs: options.instanceIDs,
            offlineInstanceID: options.offlineInstanceID,
            platform: options.platform,
            pollDelay: options.pollDelay,
            parameters: options.parameters,
            progress: options.progress,
            sentCommands: sentCommands
        )
        try requireSomethingToRun(scenarios, of: catalog, context: context)
        let configuration = try resolveConfiguration(options)
        try RecordingLabel.check(options.source, endpoint: configuration.endpoint.url, folder: options.outputDirectory)
        try OutputPaths().folder("--output", options.outputDirectory.relativePath).check()
        if !options.replacesExisting {
            let existing = scenarios.map { "\($0.name).json" }.filter {
                FileManager.default.fileExists(atPath: options.outputDirectory.appendingPathComponent($0).path)
            }
            if !existing.isEmpty {
                let names = existing.prefix(3).joined(separator: ", ") + (existing.count > 3 ? ", …" : "")
                let what = existing.count == 1 ? names : "\(existing.count) of these cassettes (\(names))"
                let pronoun = existing.count == 1 ? "it" : "them"
                throw RunnerError(
                    "--output \(options.outputDirectory.relativePath) already holds \(what); "
                        + (options.replaceFlag.map { "pass \($0) to replace \(pronoun), or choose another --output" }
                            ?? "choose another --output"),
                    status: .badInput
                )
            }
        }
        do {
            try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw RunnerError(
                "cannot create \(options.outputDirectory.relativePath): \(SystemErrorText.reason(error)); choose a writable --output folder",
                status: .badInput
            )
        }
        let credentials = configuration.credentials
        let secrets = [credentials.accessKeyID, credentials.secretAccessKey, credentials.sessionToken].compactMap { $0 }
            .filter { $0.count >= 4 }
        var runnable: [ScenarioDefinition] = []
        for scenario in scenarios {
            if let reason = context.skipReason(scenario) {
                options.progress("\(scenario.name): skipped — \(reason)")
            } else {
                runnable.append(scenario)
            }
        }
        let work = runnable
        return await withTaskGroup(of: (Int, Result<ScenarioRun, RunnerError>).self) { group in
            var results: [Int: Result<ScenarioRun, RunnerError>] = [:]
            var next = 0
            func start(_ index: Int) {
                let scenario = work[index]
                let file = options.outputDirectory.appendingPathComponent("\(scenario.name).json")
                let cassetteOptions = CassetteOptions(
                    redaction: RedactionOptions(credentialValues: secrets),
                    source: options.source,
                    region: configuration.region,
                    description: scenario.description
                )
                group.addTask {
                    do throws(RunnerError) {
                        return (
                            index,
                            .success(
                                try await runScenario(
                                    scenario,
                                    file: file,
                                    mode: .record,
                                    upstream: upstream,
                                    options: cassetteOptions,
                                    configuration: configuration,
                                    retryStrategy: options.retryStrategy,
                                    context: context
                                )
                            )
                        )
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(max(options.concurrency, 1), work.count) {
                start(next)
                next += 1
            }
            for await (index, result) in group {
                results[index] = result
                if case .success(let run) = result, let finished { await finished(run) }
                if next < work.count {
                    start(next)
                    next += 1
                }
            }
            return work.indices.compactMap { results[$0] }
        }
    }

    /// Credentials, region and endpoint for `options`, resolved by the AWS conventions.
    ///
    /// - Throws: ``RunnerError`` (configuration, 3) with the resolver's one line naming every source it read.
    package static func resolveConfiguration(_ options: RecordingOptions) throws(RunnerError) -> AWSConfiguration {
        do {
            return try AWSConfigurationResolver.resolve(
                AWSConfigurationInputs(
                    environment: options.environment,
                    profile: options.profile,
                    region: options.region,
                    endpointURL: options.endpointURL
                )
            )
        } catch {
            throw RunnerError(error.message, status: .configuration)
        }
    }

    /// Replays the selected scenarios from the cassettes in `directory`, never touching the network; a scenario
    /// without a cassette there is left out.
    package static func replay(
        directory: URL,
        instanceIDs: [String] = RecordingOptions.defaultInstanceIDs,
        scenarioNames: [String] = [],
        catalog: ScenarioCatalog? = nil,
        offlineInstanceID: String? = nil
    ) async throws(RunnerError) -> [ScenarioRun] {
        var runs: [ScenarioRun] = []
        let scenarios = try (catalog != nil ? catalog! : ScenarioCatalog.load(CatalogLocator.resolve(explicit: nil)))
            .select(scenarioNames)
        for scenario in scenarios {
            let file = directory.appendingPathComponent("\(scenario.name).json")
            guard scenarioNames.contains(scenario.name) || FileManager.default.fileExists(atPath: file.path) else {
                continue
            }
            let region: String
            let header: CassetteHeader
            do {
                header = try Cassette.load(from: file).header
                region = header.region ?? "us-east-1"
            } catch {
                throw RunnerError(error.description, status: .badInput)
            }
            // Replay needs no real credentials: nothing leaves the process.
            let configuration = AWSConfiguration(
                credentials: AWSCredentials(accessKeyID: "AKIDREPLAY", secretAccessKey: "replay"),
                region: region,
                endpoint: try! AWSEndpoint("http://127.0.0.1:9")
            )
            let recorded = header.extra["scenario"].flatMap(ScenarioExpectations.init(json:))
            let context = ScenarioContext(
                instanceIDs: instanceIDs,
                offlineInstanceID: offlineInstanceID,
                platform: recorded?.platform ?? "linux",
                pollDelay: 0
            )
            runs.append(
                try await runScenario(
                    scenario,
                    file: file,
                    mode: .replay,
                    upstream: nil,
                    options: CassetteOptions(),
                    configuration: configuration,
                    retryStrategy: .standard,
                    context: context
                )
            )
        }
        return runs
    }

    static func runScenario(
        _ scenario: ScenarioDefinition,
        file: URL,
        mode: RecordMode,
        upstream: (any HTTPTransport)?,
        options: CassetteOptions,
        configuration: AWSConfiguration,
        retryStrategy: AWSRetryStrategy,
        context: ScenarioContext
    ) async throws(RunnerError) -> ScenarioRun {
        do {
            let transport = try CassetteTransport(file: file, mode: mode, upstream: upstream, options: options)
            let ssm = SSMClient(transport: transport, configuration: configuration, retryStrategy: retryStrategy)
            var execution = ScenarioExecution(scenario: scenario, ssm: ssm, context: context)
            let result = try await execution.run()
            if mode != .replay, let expectations = result.expectations {
                transport.setHeaderMember("scenario", to: expectations.json)
            }
            let report = try transport.finish()
            if case .inconclusive(let reason) = result.outcome {
                context.progress("\(scenario.name): inconclusive — \(reason)")
            }
            return ScenarioRun(
                scenario: scenario.name,
                cassette: file,
                steps: result.steps,
                report: report,
                endpoint: mode == .replay ? file.path : configuration.endpoint.url,
                outcome: result.outcome
            )
        } catch let error as RunnerError {
            throw error
        } catch let error as TransportError {
            throw RunnerError(
                "cannot reach \(configuration.endpoint): \(error) after the last retry; \(scenario.name) was not written and the run is inconclusive (start the server or fix --endpoint-url)",
                status: .unreachable
            )
        } catch let error as CassetteError {
            throw RunnerError(error.description, status: .badInput)
        } catch let error as CassetteMissError {
            throw RunnerError("\(error)", status: .badInput)
        } catch let error as CassetteConfigurationError {
            throw RunnerError(error.message, status: .badInput)
        } catch let error as CallCapReached {
            throw RunnerError("\(scenario.name): \(error); its cassette was not written", status: .unreachable)
        } catch is CancellationError {
            throw RunnerError("\(scenario.name): interrupted; its cassette was not written", status: .unreachable)
        } catch {
            throw RunnerError("\(scenario.name): \(error)", status: .internalError)
        }
    }
}
