/// The input of ListCommandInvocations.
public struct ListCommandInvocationsInput: Encodable, Sendable, Hashable, SSMPaginatedInput {
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
    /// Whether to include `CommandPlugins` with output (default false).
    public var details: Bool?

    /// Creates an input.
    public init(
        commandId: String? = nil,
        instanceId: String? = nil,
        maxResults: Int? = nil,
        nextToken: String? = nil,
        filters: [CommandFilter]? = nil,
        details: Bool? = nil
    ) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.filters = filters
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
        case filters = "Filters"
        case details = "Details"
    }
}

/// The output of ListCommandInvocations.
public struct ListCommandInvocationsOutput: Decodable, Sendable, Hashable, SSMPaginatedOutput {
    /// The invocations of this page (`[]` right after SendCommand: the list is eventually consistent).
    public var commandInvocations: [CommandInvocation]?
    /// The `NextToken` member.
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case commandInvocations = "CommandInvocations"
        case nextToken = "NextToken"
    }
}

extension SSMClient {
    /// Lists invocations (`AmazonSSM.ListCommandInvocations`), one page.
    public func listCommandInvocations(
        _ input: ListCommandInvocationsInput
    ) async throws -> SSMResponse<ListCommandInvocationsOutput> {
        try await call("ListCommandInvocations", input)
    }

    /// Every page of ListCommandInvocations, following `NextToken` until the service stops sending one.
    public func listCommandInvocationsPages(
        _ input: ListCommandInvocationsInput
    ) -> SSMPages<ListCommandInvocationsInput, ListCommandInvocationsOutput> {
        SSMPages(input: input, operation: "ListCommandInvocations") { try await listCommandInvocations($0) }
    }
}
