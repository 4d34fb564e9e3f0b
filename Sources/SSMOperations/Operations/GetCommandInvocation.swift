/// The input of GetCommandInvocation.
public struct GetCommandInvocationInput: Encodable, Sendable, Hashable {
    /// The command id (36 characters).
    public var commandId: String
    /// The managed node.
    public var instanceId: String
    /// The step name, required for multi-step documents.
    public var pluginName: String?

    /// Creates an input.
    public init(commandId: String, instanceId: String, pluginName: String? = nil) {
        self.commandId = commandId
        self.instanceId = instanceId
        self.pluginName = pluginName
    }

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case pluginName = "PluginName"
    }
}

/// The output of GetCommandInvocation. Every member is optional; `ExecutionStartDateTime`,
/// `ExecutionEndDateTime` and `ExecutionElapsedTime` are strings on the wire (`""` before the plugin runs).
public struct GetCommandInvocationOutput: Decodable, Sendable, Hashable {
    /// The `CommandId` member.
    public var commandId: String?
    /// The `InstanceId` member.
    public var instanceId: String?
    /// The `Comment` member.
    public var comment: String?
    /// The `DocumentName` member.
    public var documentName: String?
    /// The `DocumentVersion` member.
    public var documentVersion: String?
    /// The `PluginName` member.
    public var pluginName: String?
    /// `-1` (or absent) until the plugin has run, then the script's exit code.
    public var responseCode: Int?
    /// The `ExecutionStartDateTime` member.
    public var executionStartDateTime: SSMTimestamp?
    /// An ISO-8601 duration such as `PT0.091S` or `PT1H0.271S`, kept as sent.
    public var executionElapsedTime: String?
    /// The `ExecutionEndDateTime` member.
    public var executionEndDateTime: SSMTimestamp?
    /// The `Status` member.
    public var status: CommandInvocationStatus?
    /// The `StatusDetails` member.
    public var statusDetails: String?
    /// The `StandardOutputContent` member.
    public var standardOutputContent: String?
    /// The `StandardOutputUrl` member.
    public var standardOutputUrl: String?
    /// The `StandardErrorContent` member.
    public var standardErrorContent: String?
    /// The `StandardErrorUrl` member.
    public var standardErrorUrl: String?
    /// The `CloudWatchOutputConfig` member.
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case comment = "Comment"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case pluginName = "PluginName"
        case responseCode = "ResponseCode"
        case executionStartDateTime = "ExecutionStartDateTime"
        case executionElapsedTime = "ExecutionElapsedTime"
        case executionEndDateTime = "ExecutionEndDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case standardOutputContent = "StandardOutputContent"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorContent = "StandardErrorContent"
        case standardErrorUrl = "StandardErrorUrl"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

extension SSMClient {
    /// Reads one invocation (`AmazonSSM.GetCommandInvocation`). Right after SendCommand the service may answer
    /// `InvocationDoesNotExist` for a while (eventual consistency); ``waitUntilCommandExecuted(_:delay:maxAttempts:sleeper:)`` handles that.
    public func getCommandInvocation(
        _ input: GetCommandInvocationInput
    ) async throws -> SSMResponse<GetCommandInvocationOutput> {
        try await call("GetCommandInvocation", input)
    }
}
