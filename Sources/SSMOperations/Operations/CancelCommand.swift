/// The input of CancelCommand.
public struct CancelCommandInput: Encodable, Sendable, Hashable {
    /// The command to cancel.
    public var commandId: String
    /// Cancel only on these nodes (all when absent).
    public var instanceIds: [String]?

    /// Creates an input.
    public init(commandId: String, instanceIds: [String]? = nil) {
        self.commandId = commandId
        self.instanceIds = instanceIds
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceIds = "InstanceIds"
    }
}

/// The output of CancelCommand: an empty object.
public struct CancelCommandOutput: Decodable, Sendable, Hashable {}

extension SSMClient {
    /// Attempts to cancel a command (`AmazonSSM.CancelCommand`); success means the request was accepted, not
    /// that the command stopped.
    public func cancelCommand(_ input: CancelCommandInput) async throws -> SSMResponse<CancelCommandOutput> {
        try await call("CancelCommand", input)
    }
}
