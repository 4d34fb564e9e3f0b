/// The input of ListCommands.
public struct ListCommandsInput: Encodable, Sendable, Hashable, SSMPaginatedInput {
    public var commandId: String?
    public var instanceId: String?
    /// 1 to 50.
    public var maxResults: Int?
    public var nextToken: String?
    public var filters: [CommandFilter]?

    /// Creates an input.
    public init(
        commandId: String? = nil, instanceId: String? = nil, maxResults: Int? = nil, nextToken: String? = nil,
        filters: [CommandFilter]? = nil
    ) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", maxResults = "MaxResults", nextToken = "NextToken"
        case filters = "Filters"
    }
}

/// The output of ListCommands.
public struct ListCommandsOutput: Decodable, Sendable, Hashable, SSMPaginatedOutput {
    public var commands: [Command]?
    public var nextToken: String?

    enum CodingKeys: String, CodingKey { case commands = "Commands", nextToken = "NextToken" }
}

extension SSMClient {
    /// Lists commands (`AmazonSSM.ListCommands`), one page.
    public func listCommands(_ input: ListCommandsInput = ListCommandsInput()) async throws -> SSMResponse<ListCommandsOutput> {
        try await call("ListCommands", input)
    }

    /// Every page of ListCommands.
    public func listCommandsPages(_ input: ListCommandsInput = ListCommandsInput()) -> SSMPages<ListCommandsInput, ListCommandsOutput> {
        SSMPages(input: input, operation: "ListCommands") { try await listCommands($0) }
    }
}
