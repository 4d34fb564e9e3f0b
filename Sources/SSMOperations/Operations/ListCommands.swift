/// The input of ListCommands.
public struct ListCommandsInput: Encodable, Sendable, Hashable, SSMPaginatedInput {
    /// The `CommandId` member.
    public var commandId: String?
    /// The `InstanceId` member.
    public var instanceId: String?
    /// 1 to 50.
    public var maxResults: Int?
    /// The `NextToken` member.
    public var nextToken: String?
    /// The `Filters` member.
    public var filters: [CommandFilter]?

    /// Creates an input.
    public init(
        commandId: String? = nil,
        instanceId: String? = nil,
        maxResults: Int? = nil,
        nextToken: String? = nil,
        filters: [CommandFilter]? = nil
    ) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
        case filters = "Filters"
    }
}

/// The output of ListCommands.
public struct ListCommandsOutput: Decodable, Sendable, Hashable, SSMPaginatedOutput {
    /// The `Commands` member.
    public var commands: [Command]?
    /// The `NextToken` member.
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case commands = "Commands"
        case nextToken = "NextToken"
    }
}

extension SSMClient {
    /// Lists commands (`AmazonSSM.ListCommands`), one page.
    public func listCommands(
        _ input: ListCommandsInput = ListCommandsInput()
    ) async throws -> SSMResponse<ListCommandsOutput> {
        try await call("ListCommands", input)
    }

    /// Every page of ListCommands.
    public func listCommandsPages(
        _ input: ListCommandsInput = ListCommandsInput()
    ) -> SSMPages<ListCommandsInput, ListCommandsOutput> {
        SSMPages(input: input, operation: "ListCommands") { try await listCommands($0) }
    }
}
