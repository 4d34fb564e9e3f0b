import RawJSON

/// What a scenario run expects of the invocations it caused, as the runner wrote it into the cassette header
/// (member `scenario`, documented in `Recordings/README.md`). The `scenario.*` contracts judge observations
/// against it; a cassette without it leaves them not applicable.
public struct ScenarioExpectations: Sendable, Hashable {
    /// The scenario's name in `Contracts/scenarios.yaml`.
    public var scenario: String
    /// `linux` or `windows`: which commands ran.
    public var platform: String
    /// One entry per invocation (command and instance) the scenario caused and knows the outcome of.
    public var invocations: [Invocation]

    /// What one invocation must show once terminal.
    public struct Invocation: Sendable, Hashable {
        public var commandID: String
        public var instanceID: String
        /// When SendCommand was sent (epoch seconds).
        public var sentAt: Double?
        /// Accepted terminal `Status` values (usually one).
        public var status: [String]
        /// Accepted terminal `StatusDetails` values (usually one; empty: not checked).
        public var statusDetails: [String]
        /// The ResponseCode the script's exit (or the agent's kill) gives.
        public var responseCode: Int?
        /// What the script prints on stdout.
        public var stdout: ExpectedText?
        /// What the script prints on stderr (the agent may append its own lines).
        public var stderr: ExpectedText?
        /// Seconds the command runs at the least (a sleep, an execution timeout).
        public var runsAtLeast: Double?

        public init(
            commandID: String,
            instanceID: String,
            sentAt: Double? = nil,
            status: [String] = [],
            statusDetails: [String] = [],
            responseCode: Int? = nil,
            stdout: ExpectedText? = nil,
            stderr: ExpectedText? = nil,
            runsAtLeast: Double? = nil
        ) {
            self.commandID = commandID
            self.instanceID = instanceID
            self.sentAt = sentAt
            self.status = status
            self.statusDetails = statusDetails
            self.responseCode = responseCode
            self.stdout = stdout
            self.stderr = stderr
            self.runsAtLeast = runsAtLeast
        }
    }

    public init(scenario: String, platform: String, invocations: [Invocation]) {
        self.scenario = scenario
        self.platform = platform
        self.invocations = invocations
    }

    /// The expectation for one invocation, if the scenario has one.
    public func invocation(commandID: String, instanceID: String) -> Invocation? {
        invocations.first { $0.commandID == commandID && $0.instanceID == instanceID }
    }
}

/// Text a script prints, kept small in the cassette: literal text, or one unit repeated.
public enum ExpectedText: Sendable, Hashable {
    /// Exactly this text.
    case text(String)
    /// `unit` printed `count` times, nothing between.
    case repeated(String, count: Int)

    /// The whole text.
    public var value: String {
        switch self {
        case .text(let text): text
        case .repeated(let unit, let count): String(repeating: unit, count: count)
        }
    }
}
