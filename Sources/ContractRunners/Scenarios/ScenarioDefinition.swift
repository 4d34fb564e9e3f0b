import ContractEngine
import Foundation

/// One scenario of `Contracts/scenarios.yaml`: a situation `record` and `live` make SSM produce, the steps that
/// produce and observe it, and what the scenario contracts expect of it.
public struct ScenarioDefinition: Sendable, Hashable {
    /// Which instances a scenario sends to.
    public enum Instances: String, Sendable, Hashable {
        /// The first `--instance-id`.
        case first
        /// Every `--instance-id`.
        case all
        /// The `--offline-instance-id` (the scenario is skipped without one).
        case offline
    }

    /// What a scenario runs on one platform.
    public struct Run: Sendable, Hashable {
        public var document: String
        public var commands: [String]
    }

    /// The terminal outcome the scenario causes (strings may hold `{parameter}` placeholders).
    public struct Expectation: Sendable, Hashable {
        public var status: [String] = []
        public var statusDetails: [String] = []
        public var responseCode: String?
        public var stdout: ExpectedText?
        public var stderr: ExpectedText?
        public var runsAtLeast: String?

        /// `self` with every member `other` sets replaced.
        func overridden(by other: Expectation?) -> Expectation {
            guard let other else { return self }
            var merged = self
            if !other.status.isEmpty { merged.status = other.status }
            if !other.statusDetails.isEmpty { merged.statusDetails = other.statusDetails }
            merged.responseCode = other.responseCode ?? responseCode
            merged.stdout = other.stdout ?? stdout
            merged.stderr = other.stderr ?? stderr
            merged.runsAtLeast = other.runsAtLeast ?? runsAtLeast
            return merged
        }
    }

    public var name: String
    public var description: String
    public var instances: Instances
    public var minimumInstances: Int
    /// Parameter defaults (`{sleep}` in commands and expectations), overridable with `--scenario-parameter`.
    public var parameters: [String: String]
    /// Document parameters besides `commands` (e.g. `executionTimeout`).
    public var documentParameters: [String: String]
    /// SendCommand `TimeoutSeconds` (the delivery timeout), if set.
    public var timeoutSeconds: Int?
    /// Seconds a poll step waits for a terminal status.
    public var maxWait: Double
    /// By platform (`linux`, `windows`).
    public var runs: [String: Run]
    public var steps: [ScenarioStep]
    public var expect: Expectation?
    /// Per-platform changes to ``expect``.
    public var platformExpect: [String: Expectation]

    /// Whether the scenario sends a command.
    public var sendsCommand: Bool { steps.contains(.send) }

    /// The expectation on `platform`, placeholders filled from `parameters`.
    func expectation(platform: String, parameters: [String: String]) -> Expectation? {
        guard var expectation = expect?.overridden(by: platformExpect[platform]) else { return nil }
        let fill = { (text: String) in ScenarioDefinition.fill(text, parameters) }
        expectation.responseCode = expectation.responseCode.map(fill)
        expectation.runsAtLeast = expectation.runsAtLeast.map(fill)
        if case .text(let text)? = expectation.stdout { expectation.stdout = .text(fill(text)) }
        if case .text(let text)? = expectation.stderr { expectation.stderr = .text(fill(text)) }
        return expectation
    }

    /// `text` with every `{name}` replaced by its parameter value.
    static func fill(_ text: String, _ parameters: [String: String]) -> String {
        var result = text
        for (name, value) in parameters { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}

/// One step of a scenario (see the list at the top of `Contracts/scenarios.yaml`).
public enum ScenarioStep: Sendable, Hashable {
    case send
    case getRightAfterSend
    case poll
    case pollUntilRunning
    case cancel
    case list(ListStep)
    case listCommands
    case describeInstances
    case probe(Probe)

    /// A ListCommandInvocations step for the scenario's command.
    public struct ListStep: Sendable, Hashable {
        public var details: Bool?
        public var maxResults: Int?
        /// Follow NextToken to the last page.
        public var allPages = false
        /// `(key, value)`; values `$sent-minus-1h` / `$sent-plus-1h` are filled in at run time.
        public var filters: [[String]] = []
    }

    /// An error probe.
    public enum Probe: String, Sendable, Hashable, CaseIterable {
        case unknownCommandID = "unknown-command-id"
        case instanceNotSentTo = "instance-not-sent-to"
        case badPluginName = "bad-plugin-name"
        case badNextToken = "bad-next-token"
        case listUnknownCommandID = "list-unknown-command-id"
    }
}
