import AWSWire
import ContractEngine
import Foundation
import HTTPTransport
import SSMEmulator
import SSMOperations
import TestSupport
import Testing

@testable import ContractRunners

/// `live` against the project's emulator: the whole catalog, and every safety feature (caps, interrupts,
/// cancelling only the run's own commands). The emulator really runs the scripts; its own delays are 100 times
/// shorter and the scenarios' sleeps are one second.
@Suite(.serialized) struct LiveEmulatorTests {
    static let instances = ["i-0123456789abcdef0", "i-0fedcba9876543210"]
    static let offline = "i-0aaaaaaaaaaaaaaaa"
    static let credentials = [
        "AWS_ACCESS_KEY_ID": "AKIDEMULATORLIVE0001", "AWS_SECRET_ACCESS_KEY": "emulator-secret-not-real",
        "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "HOME": "/nonexistent-home-for-tests",
    ]

    /// `timeScale` 10 keeps the offline instance Pending for 3 s (its 30 s delivery timeout), long enough to be
    /// seen whatever the machine's load.
    static func emulatorOptions(timeScale: Double = 100) -> EmulatorOptions {
        EmulatorOptions(
            instanceIDs: instances,
            offlineInstanceIDs: [offline],
            clock: .scaled(timeScale),
            timing: EmulatorTiming(visibilityWindow: 0.5, deliveryDelay: 0.5, minimumExecutionTimeout: 1)
        )
    }

    static func options(
        _ emulator: SSMEmulator,
        folder: URL,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> LiveOptions {
        var options = LiveOptions()
        options.instanceIDs = instances
        options.offlineInstanceID = offline
        options.endpointURL = emulator.baseURL
        options.region = "us-east-1"
        options.source = "mock:ssm-contract-emulator@\(ContractRunnersInfo.version)"
        options.baseline = folder.appendingPathComponent("no-baseline").path
        options.output = folder.appendingPathComponent("fresh").path
        options.catalog.catalog = PackageRoot.path("Contracts").path
        options.environment = credentials
        options.venv = PythonTools.venv.path
        options.pollDelay = 0.05
        options.parameters = ["sleep": "1", "execution-timeout": "1"]
        options.retryStrategy = .init(random: { 0 }, sleeper: { _ in })
        options.progress = progress
        return options
    }

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-emulator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// An SSM client of the test's own, straight to the emulator (not through `live`).
    static func withClient<R: Sendable>(
        _ emulator: SSMEmulator,
        _ body: @Sendable (SSMClient) async throws -> R
    ) async throws -> R {
        let configuration = AWSConfiguration(
            credentials: AWSCredentials(accessKeyID: "AKIDOTHERCLIENT00001", secretAccessKey: "other-secret-not-real"),
            region: "us-east-1",
            endpoint: try AWSEndpoint(emulator.baseURL)
        )
        return try await CurlTransport.withCurlTransport { curl in
            try await body(SSMClient(transport: curl, configuration: configuration))
        }
    }

    /// Sends a long sleep that `live` did not start. Ten minutes, so it is still running however slowly a loaded
    /// machine gets to the end of a test (the emulator kills it when it stops).
    static func foreignCommand(_ ssm: SSMClient) async throws -> String {
        let sent = try await ssm.sendCommand(
            SendCommandInput(
                documentName: "AWS-RunShellScript",
                instanceIds: [instances[0]],
                parameters: ["commands": ["sleep 600"]],
                comment: "not started by live"
            )
        )
        return try #require(sent.value.command?.commandId)
    }

    /// Polls (without sleeping for timing: the emulator answers each poll) until `commandID` is terminal or in
    /// `wanted`; returns the status.
    static func status(_ ssm: SSMClient, _ commandID: String, until wanted: Set<String>) async throws -> String {
        for _ in 0..<2_000 {
            let answer = try? await ssm.getCommandInvocation(
                GetCommandInvocationInput(commandId: commandID, instanceId: instances[0])
            )
            if let status = answer?.value.status?.rawValue,
                wanted.contains(status) || StatusVocabulary.isTerminal(status)
            {
                return status
            }
            await Task.yield()
        }
        return "never reached \(wanted.sorted())"
    }

    @Test(.timeLimit(.minutes(1))) func theWholeCatalogPassesEveryContractAndExitsZero() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = LineCollector()
        let outcome = try await SSMEmulator.withEmulator(options: Self.emulatorOptions(timeScale: 10)) { emulator in
            try await LiveRunner.run(Self.options(emulator, folder: folder, progress: { lines.append($0) }))
        }
        #expect(outcome.exitStatus == .success, "\(outcome.resultLine)")
        #expect(outcome.inconclusive.isEmpty)
        let catalog = try ScenarioCatalog.load(folder: PackageRoot.path("Contracts"))
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("fresh").path)
            .sorted()
        #expect(runs == catalog.scenarios.map { "\($0.name).json" }.sorted())
        for row in outcome.contracts.rows {
            #expect(row.targets.contains { $0.tally.pass > 0 }, "\(row.contract.id) never passed against the emulator")
            #expect(!row.targets.contains { $0.tally.fail > 0 }, "\(row.contract.id) failed against the emulator")
        }
        #expect(outcome.apiCalls > catalog.scenarios.count && outcome.apiCalls < LiveOptions.defaultMaxAPICalls)
        // A progress line per step as it happens, the caps first, each scenario judged as it arrives.
        #expect(lines.all.first?.hasPrefix("live: 16 scenarios against \(outcome.endpoint)") == true)
        #expect(
            lines.all.first?.contains("caps: 1800 s wall time (--max-wall-time), 2000 API calls (--max-api-calls)")
                == true
        )
        #expect(lines.all.contains("in-flight: GetCommandInvocation i-0123456789abcdef0: InProgress/InProgress"))
        for scenario in catalog.scenarios {
            let judged =
                ["list-commands", "describe-instance-information"].contains(scenario.name)
                ? "no contract applies" : "contracts hold"
            #expect(lines.all.contains { $0.hasPrefix("\(scenario.name): \(judged)") }, "\(scenario.name)")
        }
    }

    /// Runs get-command-invocation-errors then a 30-second in-flight scenario, one at a time, while a command
    /// `live` did not start runs too; `stop` configures what stops the run and runs it. Afterwards live's own
    /// command is Cancelled and the other one still runs.
    static func stoppedRun(
        _ stop: @Sendable (inout LiveOptions, SSMEmulator) async throws -> LiveOutcome
    ) async throws -> LiveOutcome {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await SSMEmulator.withEmulator(options: emulatorOptions()) { emulator in
            try await withClient(emulator) { ssm in
                let foreign = try await foreignCommand(ssm)
                var options = options(emulator, folder: folder)
                options.scenarioNames = ["get-command-invocation-errors", "in-flight"]
                options.parameters["sleep"] = "600"
                options.concurrency = 1
                let outcome = try await stop(&options, emulator)
                #expect(outcome.exitStatus == .unreachable)
                #expect(outcome.inconclusive["in-flight"] != nil, "\(outcome.inconclusive)")
                #expect(!outcome.contracts.hasViolations)
                let commands = try await ssm.listCommands(ListCommandsInput()).value.commands ?? []
                let own = try #require(commands.first { $0.comment == "ssm-contract in-flight" }?.commandId)
                #expect(try await status(ssm, own, until: []) == "Cancelled")
                #expect(try await status(ssm, foreign, until: ["InProgress"]) == "InProgress")
                return outcome
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func theAPICallCapStopsTheRunAndCancelsOnlyItsOwnCommand() async throws {
        let outcome = try await Self.stoppedRun { options, _ in
            options.maxAPICalls = 7
            return try await LiveRunner.run(options)
        }
        #expect(outcome.apiCalls == 7)
        #expect(outcome.inconclusive["in-flight"]?.contains("the API-call cap (--max-api-calls 7) was reached") == true)
        #expect(outcome.text.contains("INCONCLUSIVE in-flight:"))
        #expect(
            outcome.resultLine.hasSuffix(
                "contracts hold, 1 scenario inconclusive; no baseline to compare with (exit 4)"
            )
        )
    }

    @Test(.timeLimit(.minutes(1))) func theWallTimeCapStopsTheRunAndCancelsOnlyItsOwnCommand() async throws {
        let outcome = try await Self.stoppedRun { options, _ in
            options.maxWallTime = 2
            return try await LiveRunner.run(options)
        }
        #expect(
            outcome.inconclusive["in-flight"]?.hasPrefix("the wall-time cap (--max-wall-time 2) was reached") == true,
            "\(outcome.inconclusive)"
        )
    }

    @Test(.timeLimit(.minutes(1))) func anInterruptCancelsOnlyTheCommandsTheRunStarted() async throws {
        _ = try await Self.stoppedRun { options, _ in
            let (running, signal) = AsyncStream.makeStream(of: Void.self)
            options.progress = { line in
                if line == "in-flight: GetCommandInvocation i-0123456789abcdef0: InProgress/InProgress" {
                    signal.yield()
                }
            }
            let configured = options
            let run = Task { try await LiveRunner.run(configured) }
            for await _ in running { break }
            run.cancel()
            return try await run.value
        }
    }
}

extension LiveEmulatorTests {
    /// The built binary on SIGINT and SIGTERM: it stops, cancels the command it started, leaves the other one
    /// running, and exits 128 + the signal.
    @Test(.timeLimit(.minutes(1)), arguments: [SIGINT, SIGTERM])
    func theBinaryStopsOnASignalAndCancelsOnlyItsOwnCommand(_ number: Int32) async throws {
        let binary = BuiltProducts.ssmContractLocation
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first (swift build)")
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await SSMEmulator.withEmulator(options: Self.emulatorOptions()) { emulator in
            try await Self.withClient(emulator) { ssm in
                let foreign = try await Self.foreignCommand(ssm)
                let environment = Self.credentials.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let child = try ChildProcess(
                    "/usr/bin/env",
                    environment + [
                        binary.path, "live", "--endpoint-url", emulator.baseURL, "--region", "us-east-1",
                        "--source", "mock:ssm-contract-emulator@\(ContractRunnersInfo.version)", "--instance-id",
                        Self.instances[0],
                        "--scenario", "get-command-invocation-errors", "--scenario", "in-flight",
                        "--scenario-parameter", "sleep=600",
                        "--concurrency", "1", "--poll-delay", "0.05", "--baseline",
                        folder.appendingPathComponent("none").path,
                        "--output", folder.appendingPathComponent("fresh").path, "--catalog",
                        PackageRoot.path("Contracts").path,
                    ],
                    standardError: try Self.emptyFile(folder.appendingPathComponent("stderr.txt")),
                    currentDirectory: PackageRoot.url
                )
                defer { child.stop() }
                // Wait (by asking the emulator, not by sleeping) until live's command runs.
                var own: String?
                for _ in 0..<5_000 where own == nil {
                    let commands = (try? await ssm.listCommands(ListCommandsInput()).value.commands) ?? []
                    if let id = commands.first(where: { $0.comment == "ssm-contract in-flight" })?.commandId,
                        try await Self.status(ssm, id, until: ["InProgress"]) == "InProgress"
                    {
                        own = id
                    }
                    await Task.yield()
                }
                let ownID = try #require(own, "live never started its in-flight command")
                child.signal(number)
                #expect(await child.waitForExit() == 128 + number)
                #expect(try await Self.status(ssm, ownID, until: []) == "Cancelled")
                #expect(try await Self.status(ssm, foreign, until: ["InProgress"]) == "InProgress")
                let stderr = try String(contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
                #expect(
                    stderr.contains(
                        "ssm-contract live: \(number == SIGINT ? "SIGINT" : "SIGTERM") — stopping and cancelling the commands this run started"
                    )
                )
                #expect(stderr.contains("live: cancelled \(ownID), a command this run sent that was still running"))
            }
        }
    }

    static func emptyFile(_ url: URL) throws -> URL {
        try Data().write(to: url)
        return url
    }
}

/// Lines from a progress callback, kept in order.
final class LineCollector: @unchecked Sendable {
    // @unchecked: `lines` is only touched while holding `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
