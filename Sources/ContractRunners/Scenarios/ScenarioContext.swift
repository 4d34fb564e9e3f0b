import ContractEngine
import Foundation

/// What every scenario run is given: instances, platform, polling, parameters, and where progress goes.
package struct ScenarioContext: Sendable {
    /// The managed nodes commands are sent to (the first is the default target).
    package var instanceIDs: [String]
    /// An instance that never answers (`--offline-instance-id`): the unreachable scenario's target.
    package var offlineInstanceID: String?
    /// `linux` or `windows`: which document and commands run.
    package var platform: String
    /// Seconds before the first poll; later polls back off (× 1.5, at most 8 × this, at most 30 s).
    package var pollDelay: Double
    /// Parameter overrides (`--scenario-parameter NAME=VALUE`).
    package var parameters: [String: String]
    /// Called with one line per step as it happens.
    package var progress: @Sendable (String) -> Void
    /// The commands this run sent (cancelled on interrupt); nil when replaying.
    package var sentCommands: SentCommands?

    package init(
        instanceIDs: [String],
        offlineInstanceID: String? = nil,
        platform: String = "linux",
        pollDelay: Double = 5,
        parameters: [String: String] = [:],
        progress: @escaping @Sendable (String) -> Void = { _ in },
        sentCommands: SentCommands? = nil
    ) {
        self.instanceIDs = instanceIDs
        self.offlineInstanceID = offlineInstanceID
        self.platform = platform
        self.pollDelay = pollDelay
        self.parameters = parameters
        self.progress = progress
        self.sentCommands = sentCommands
    }

    /// Why `scenario` cannot run with this context, if it cannot (too few instances, no offline instance, no
    /// commands for the platform).
    func skipReason(_ scenario: ScenarioDefinition) -> String? {
        if scenario.sendsCommand, scenario.runs[platform] == nil { return "no \(platform) commands in the catalog" }
        switch scenario.instances {
        case .offline where offlineInstanceID == nil:
            return "needs --offline-instance-id (an instance whose agent never answers)"
        case .all where instanceIDs.count < scenario.minimumInstances:
            return "needs at least \(scenario.minimumInstances) --instance-id (\(instanceIDs.count) given)"
        default: return nil
        }
    }

    /// The instances `scenario` sends to.
    func targets(_ scenario: ScenarioDefinition) -> [String] {
        switch scenario.instances {
        case .first: Array(instanceIDs.prefix(1))
        case .all: instanceIDs
        case .offline: offlineInstanceID.map { [$0] } ?? []
        }
    }
}

/// The commands a run sent and has not seen end: `live` cancels exactly these (and never another) when it is
/// interrupted or fails.
package actor SentCommands {
    private var inFlight: [String: [String]] = [:]

    package init() {}

    /// Records a command this run sent, and its instances.
    package func sent(_ commandID: String, instances: [String]) { inFlight[commandID] = instances }

    /// Records that every invocation of a command is terminal.
    package func finished(_ commandID: String) { inFlight[commandID] = nil }

    /// The commands still in flight, in id order.
    package var pending: [String] { inFlight.keys.sorted() }
}
