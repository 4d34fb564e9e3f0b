import AWSWire

/// How an ``SSMEmulator`` listens, which managed nodes it pretends to have, and how it behaves.
public struct EmulatorOptions: Sendable {
    /// The address to bind. Default `127.0.0.1`. The emulator runs what clients send, so any address other than
    /// loopback is refused unless ``verifiedCredentials`` is set.
    public var host: String
    /// The port, `0` for any free one (read the real one from ``SSMEmulator/port``).
    public var port: Int
    /// The online managed nodes: commands sent to them really run on this machine.
    public var instanceIDs: [String]
    /// Managed nodes that never answer: their invocations stay Pending until the delivery timeout
    /// (SendCommand's `TimeoutSeconds`), then end TimedOut / DeliveryTimedOut.
    public var offlineInstanceIDs: [String]
    /// When set, every request must carry a valid SigV4 signature by one of these credentials
    /// (`--verify-sigv4` resolves them as the SDKs do); otherwise signatures are not checked.
    public var verifiedCredentials: [AWSCredentials]?
    /// The clock of the emulator's own delays (``EmulatorClock/scaled(_:)`` for `--time-scale`).
    public var clock: EmulatorClock
    /// The delays and the execution-timeout bounds.
    public var timing: EmulatorTiming
    /// Deliberate deviations from AWS's behaviour, to test that contracts catch them.
    public var faults: Set<EmulatorFault>
    /// The region written into answers that name one (`OutputS3Region`).
    public var region: String
    /// Called with one line per notable event (a script started or ended, a rejected signature).
    public var log: @Sendable (String) -> Void

    /// Creates options; every parameter but the instances has the documented default.
    public init(
        instanceIDs: [String],
        offlineInstanceIDs: [String] = [],
        host: String = "127.0.0.1",
        port: Int = 0,
        verifiedCredentials: [AWSCredentials]? = nil,
        clock: EmulatorClock = .system,
        timing: EmulatorTiming = EmulatorTiming(),
        faults: Set<EmulatorFault> = [],
        region: String = "us-east-1",
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.instanceIDs = instanceIDs
        self.offlineInstanceIDs = offlineInstanceIDs
        self.verifiedCredentials = verifiedCredentials
        self.clock = clock
        self.timing = timing
        self.faults = faults
        self.region = region
        self.log = log
    }

    /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in Int(part).map { (0...255).contains($0) } ?? false }
    }

    /// The first problem with these options, as one line, or `nil`.
    func problem() -> EmulatorError? {
        if !Self.isLoopback(host) && verifiedCredentials == nil {
            return EmulatorError(
                "--host \(host) is not loopback: the emulator runs the commands clients send, so it listens beyond 127.0.0.1 only with --verify-sigv4",
                kind: .badOptions
            )
        }
        let all = instanceIDs + offlineInstanceIDs
        if all.isEmpty {
            return EmulatorError(
                "no managed nodes: give at least one --instance-id (e.g. i-0123456789abcdef0)",
                kind: .badOptions
            )
        }
        for id in all where !InstanceIDPattern.matches(id) {
            return EmulatorError(
                "instance id \"\(id)\" is not an SSM instance id: use i- and 8 or 17 letters or digits (i-0123456789abcdef0), or mi- and 17",
                kind: .badOptions
            )
        }
        if let duplicate = Dictionary(grouping: all, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            return EmulatorError(
                "instance id \(duplicate) is given twice; give each managed node once",
                kind: .badOptions
            )
        }
        if !(0...65535).contains(port) { return EmulatorError("port \(port): use 0 to 65535", kind: .badOptions) }
        return nil
    }
}

/// The model's InstanceId pattern, `(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)`.
enum InstanceIDPattern {
    static func matches(_ id: String) -> Bool {
        let word: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        if id.hasPrefix("mi-") {
            let rest = id.dropFirst(3)
            return rest.count == 17 && rest.allSatisfy(word)
        }
        guard id.hasPrefix("i-") else { return false }
        let rest = id.dropFirst(2)
        return (rest.count == 8 || rest.count == 17) && rest.allSatisfy(word)
    }
}
