import AWSWire
import Cassettes
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
    /// The scenarios to record, by name; empty records all of ``RecordingScenario/all``.
    public var scenarioNames: [String]
    /// The retry policy of the SSM client.
    public var retryStrategy: AWSRetryStrategy
    /// Seconds between CommandExecuted polls.
    public var pollDelay: Double
    /// The shell commands SendCommand runs (default ``RecordingScenario/defaultCommands``).
    public var commands: [String]
    /// Whether cassettes already in ``outputDirectory`` may be replaced (`--force`); without it, recording
    /// refuses before sending anything.
    public var replacesExisting = false
    /// The flag that sets ``replacesExisting``, named in the refusal (`nil` when the command has none).
    public var replaceFlag: String? = "--force"

    /// The instance ids used when none are given.
    public static let defaultInstanceIDs = ["i-0123456789abcdef0", "i-0fedcba9876543210"]

    /// Creates options.
    public init(
        outputDirectory: URL, source: CassetteSource, environment: [String: String], endpointURL: String? = nil,
        region: String? = nil, profile: String? = nil, instanceIDs: [String] = RecordingOptions.defaultInstanceIDs,
        scenarioNames: [String] = [], retryStrategy: AWSRetryStrategy = .standard, pollDelay: Double = 5,
        commands: [String] = RecordingScenario.defaultCommands
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
        self.commands = commands
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
}

/// Runs the scripted scenarios against an endpoint and writes one cassette per scenario, or replays them.
public enum RecordingRunner {
    /// Records every selected scenario through `upstream` (a `CurlTransport`).
    ///
    /// - Throws: ``RunnerError``: configuration (3) for missing credentials or region, unreachable (4) when the
    ///   endpoint cannot be reached (that scenario's cassette is then not written), bad input (2) for an unknown
    ///   scenario or an unwritable folder.
    public static func record(_ options: RecordingOptions, upstream: any HTTPTransport) async throws(RunnerError) -> [ScenarioRun] {
        let scenarios = try select(options.scenarioNames)
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
                        + (options.replaceFlag.map { "pass \($0) to replace \(pronoun), or choose another --output" } ?? "choose another --output"),
                    status: .badInput)
            }
        }
        do {
            try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw RunnerError("cannot create \(options.outputDirectory.relativePath): \(SystemErrorText.reason(error)); choose a writable --output folder", status: .badInput)
        }
        let credentials = configuration.credentials
        let secrets = [credentials.accessKeyID, credentials.secretAccessKey, credentials.sessionToken].compactMap { $0 }.filter { $0.count >= 4 }
        var runs: [ScenarioRun] = []
        for scenario in scenarios {
            let file = options.outputDirectory.appendingPathComponent("\(scenario.name).json")
            let cassetteOptions = CassetteOptions(
                redaction: RedactionOptions(credentialValues: secrets), source: options.source,
                region: configuration.region, description: scenario.description)
            runs.append(
                try await run(scenario, file: file, mode: .record, upstream: upstream, options: cassetteOptions,
                              configuration: configuration, retryStrategy: options.retryStrategy,
                              context: .init(instanceIDs: options.instanceIDs, pollDelay: options.pollDelay, commands: options.commands)))
        }
        return runs
    }

    /// Credentials, region and endpoint for `options`, resolved by the AWS conventions.
    ///
    /// - Throws: ``RunnerError`` (configuration, 3) with the resolver's one line naming every source it read.
    public static func resolveConfiguration(_ options: RecordingOptions) throws(RunnerError) -> AWSConfiguration {
        do {
            return try AWSConfigurationResolver.resolve(
                AWSConfigurationInputs(
                    environment: options.environment, profile: options.profile, region: options.region,
                    endpointURL: options.endpointURL))
        } catch {
            throw RunnerError(error.message, status: .configuration)
        }
    }

    /// Replays the selected scenarios from the cassettes in `directory`, never touching the network.
    public static func replay(
        directory: URL, instanceIDs: [String] = RecordingOptions.defaultInstanceIDs, scenarioNames: [String] = []
    ) async throws(RunnerError) -> [ScenarioRun] {
        var runs: [ScenarioRun] = []
        for scenario in try select(scenarioNames) {
            let file = directory.appendingPathComponent("\(scenario.name).json")
            let region: String
            do { region = try Cassette.load(from: file).header.region ?? "us-east-1" } catch {
                throw RunnerError(error.description, status: .badInput)
            }
            // Replay needs no real credentials: nothing leaves the process.
            let configuration = AWSConfiguration(
                credentials: AWSCredentials(accessKeyID: "AKIDREPLAY", secretAccessKey: "replay"), region: region,
                endpoint: try! AWSEndpoint("http://127.0.0.1:9"))
            runs.append(
                try await run(scenario, file: file, mode: .replay, upstream: nil, options: CassetteOptions(),
                              configuration: configuration, retryStrategy: .standard,
                              context: .init(instanceIDs: instanceIDs, pollDelay: 0)))
        }
        return runs
    }

    static func select(_ names: [String]) throws(RunnerError) -> [RecordingScenario] {
        guard !names.isEmpty else { return RecordingScenario.all }
        var selected: [RecordingScenario] = []
        for name in names {
            guard let scenario = RecordingScenario.all.first(where: { $0.name == name }) else {
                throw RunnerError(
                    "unknown scenario \"\(name)\"; use one of: \(RecordingScenario.all.map(\.name).joined(separator: ", "))",
                    status: .badInput)
            }
            selected.append(scenario)
        }
        return selected
    }

    static func run(
        _ scenario: RecordingScenario, file: URL, mode: RecordMode, upstream: (any HTTPTransport)?,
        options: CassetteOptions, configuration: AWSConfiguration, retryStrategy: AWSRetryStrategy,
        context: RecordingScenario.Context
    ) async throws(RunnerError) -> ScenarioRun {
        do {
            let transport = try CassetteTransport(file: file, mode: mode, upstream: upstream, options: options)
            let ssm = SSMClient(transport: transport, configuration: configuration, retryStrategy: retryStrategy)
            let steps = try await scenario.run(ssm, context)
            let report = try transport.finish()
            return ScenarioRun(
                scenario: scenario.name, cassette: file, steps: steps, report: report,
                endpoint: mode == .replay ? file.path : configuration.endpoint.url)
        } catch let error as RunnerError {
            throw error
        } catch let error as TransportError {
            throw RunnerError("cannot reach \(configuration.endpoint): \(error); \(scenario.name) was not written (start the server or fix --endpoint-url)", status: .unreachable)
        } catch let error as CassetteError {
            throw RunnerError(error.description, status: .badInput)
        } catch let error as CassetteMissError {
            throw RunnerError("\(error)", status: .badInput)
        } catch let error as CassetteConfigurationError {
            throw RunnerError(error.message, status: .badInput)
        } catch {
            throw RunnerError("\(scenario.name): \(error)", status: .internalError)
        }
    }
}
