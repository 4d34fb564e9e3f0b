import AWSWire
import Cassettes
import Foundation
import SSMEmulator

/// What `ssm-contract emulate` runs: checks the options, resolves the credentials for `--verify-sigv4`, runs the
/// emulator until told to stop, and returns its summary.
public enum EmulateRunner: Runner {
    /// The source label of recordings made from the emulator: a mock, never `live` or `synthetic`.
    public static let recordingSource = CassetteSource.mock(
        name: "ssm-contract-emulator",
        version: ContractRunnersInfo.version
    )

    /// The instance emulated when none is given.
    public static let defaultInstanceID = "i-0123456789abcdef0"

    /// The command's settings.
    public struct Options: Sendable {
        /// Online managed nodes (`--instance-id`); default ``EmulateRunner/defaultInstanceID`` when no instance
        /// at all is given.
        public var instanceIDs: [String] = []
        /// Managed nodes that never answer (`--offline-instance-id`).
        public var offlineInstanceIDs: [String] = []
        /// `--host`, default loopback.
        public var host = "127.0.0.1"
        /// `--port`, 0 for any free one.
        public var port = 0
        /// `--verify-sigv4`: check every signature against the credentials resolved from ``environment``.
        public var verifySigV4 = false
        /// `--profile` for the credentials (with `--verify-sigv4`).
        public var profile: String?
        /// The environment the credentials are resolved from.
        public var environment: [String: String] = [:]
        /// `--time-scale`: the emulator's own delays are divided by it. A finite number above 0: `ssm-contract
        /// emulate` checks it, as it checks each of its numeric flags.
        public var timeScale = 1.0
        /// `--fault NAME`…
        public var faults: [String] = []
        /// `--visibility-window`: seconds after SendCommand the invocation does not exist yet (before the scale).
        public var visibilityWindow = EmulatorTiming().visibilityWindow
        /// `--delivery-delay`: seconds an invocation stays Pending before its script starts (before the scale).
        public var deliveryDelay = EmulatorTiming().deliveryDelay
        /// `--min-execution-timeout`: `executionTimeout` values below it become 3,600 s (the agent's minimum is 5).
        public var minimumExecutionTimeout = EmulatorTiming().minimumExecutionTimeout
        /// Receives the startup line as soon as the emulator listens (a script reads the URL from it).
        public var ready: @Sendable (String) -> Void = { _ in }
        /// Receives one line per event.
        public var log: @Sendable (String) -> Void = { _ in }
        /// Returns when the emulator is to stop (the CLI: on SIGINT or SIGTERM). Default: at once.
        public var until: @Sendable () async -> Void = {}

        /// Options with every default.
        public init() {}
    }

    /// What an emulator run did, once stopped: the summary line, `emulated 3 commands (4 invocations) for 17
    /// requests` (exit 0).
    public typealias Outcome = TextOutcome

    /// Runs the emulator until ``Options/until`` returns; ``Options/ready`` receives the startup line as soon as
    /// it listens.
    ///
    /// - Throws: ``RunnerError``: bad input (2) for bad options (a non-loopback host without `--verify-sigv4`,
    ///   a malformed instance id, an unknown fault), configuration (3) when `--verify-sigv4` finds no
    ///   credentials, unreachable (4) when the address cannot be bound.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let settings = try emulatorOptions(options)
        do {
            return Outcome(
                text: try await SSMEmulator.withEmulator(options: settings) { emulator in
                    options.ready(
                        startupLine(
                            emulator,
                            verifiesSignatures: settings.verifiedCredentials != nil,
                            faults: settings.faults
                        )
                    )
                    await options.until()
                    return summaryLine(emulator)
                }
            )
        } catch let error as EmulatorError where error.kind == .cannotListen {
            throw RunnerError(
                ListenFailure.message(host: options.host, port: options.port, detail: error.message),
                status: .unreachable
            )
        } catch let error as EmulatorError {
            throw RunnerError(error.message, status: .badInput)
        } catch {
            throw RunnerError("emulate failed: \(error)", status: .internalError)
        }
    }

    /// The library options for the command's options.
    ///
    /// - Throws: ``RunnerError`` for an unknown fault, or (with `--verify-sigv4`) missing credentials.
    package static func emulatorOptions(_ options: Options) throws(RunnerError) -> EmulatorOptions {
        var faults: Set<EmulatorFault> = []
        for name in options.faults {
            guard let fault = EmulatorFault(rawValue: name) else {
                throw RunnerError("unknown --fault \(name); use one of: \(EmulatorFault.names)", status: .badInput)
            }
            faults.insert(fault)
        }
        let noInstances = options.instanceIDs.isEmpty && options.offlineInstanceIDs.isEmpty
        var settings = EmulatorOptions(
            instanceIDs: noInstances ? [defaultInstanceID] : options.instanceIDs,
            offlineInstanceIDs: options.offlineInstanceIDs,
            host: options.host,
            port: options.port,
            clock: .scaled(options.timeScale),
            timing: EmulatorTiming(
                visibilityWindow: options.visibilityWindow,
                deliveryDelay: options.deliveryDelay,
                minimumExecutionTimeout: options.minimumExecutionTimeout
            ),
            faults: faults,
            log: options.log
        )
        if options.verifySigV4 {
            settings.verifiedCredentials = [try credentials(options)]
        }
        return settings
    }

    /// The credentials signatures are checked against, resolved as the SDKs resolve them (environment, profile).
    static func credentials(_ options: Options) throws(RunnerError) -> AWSCredentials {
        do {
            return try AWSConfigurationResolver.resolve(
                AWSConfigurationInputs(
                    environment: options.environment,
                    profile: options.profile,
                    region: "us-east-1",
                    endpointURL: "http://127.0.0.1"
                )
            ).credentials
        } catch {
            throw RunnerError("--verify-sigv4: \(error.message)", status: .configuration)
        }
    }

    /// `emulating 2 instances (1 offline) on http://127.0.0.1:PORT — point an SDK at it with --endpoint-url …`
    package static func startupLine(
        _ emulator: SSMEmulator,
        verifiesSignatures: Bool,
        faults: Set<EmulatorFault> = []
    ) -> String {
        let count = emulator.instanceIDs.count + emulator.offlineInstanceIDs.count
        var line = "emulating \(count) \(count == 1 ? "instance" : "instances")"
        if !emulator.offlineInstanceIDs.isEmpty { line += " (\(emulator.offlineInstanceIDs.count) offline)" }
        line += " on \(emulator.baseURL)"
        if verifiesSignatures { line += ", verifying SigV4 signatures" }
        if !faults.isEmpty { line += ", with faults \(faults.map(\.rawValue).sorted().joined(separator: ", "))" }
        return line + " — point an SDK at it with --endpoint-url \(emulator.baseURL)\n"
    }

    /// `emulated 3 commands (4 invocations) for 17 requests`
    static func summaryLine(_ emulator: SSMEmulator) -> String {
        "emulated \(Plural.count(emulator.commandCount, "command")) (\(Plural.count(emulator.invocationCount, "invocation"))) "
            + "for \(Plural.count(emulator.requestCount, "request"))\n"
    }
}
