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
        case commandId = "CommandId", instanceId = "InstanceId", pluginName = "PluginName"
    }
}

/// The output of GetCommandInvocation. Every member is optional; `ExecutionStartDateTime`,
/// `ExecutionEndDateTime` and `ExecutionElapsedTime` are strings on the wire (`""` before the plugin runs).
public struct GetCommandInvocationOutput: Decodable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var comment: String?
    public var documentName: String?
    public var documentVersion: String?
    public var pluginName: String?
    /// `-1` (or absent) until the plugin has run, then the script's exit code.
    public var responseCode: Int?
    public var executionStartDateTime: SSMTimestamp?
    /// An ISO-8601 duration such as `PT0.091S` or `PT1H0.271S`, kept as sent.
    public var executionElapsedTime: String?
    public var executionEndDateTime: SSMTimestamp?
    public var status: CommandInvocationStatus?
    public var statusDetails: String?
    public var standardOutputContent: String?
    public var standardOutputUrl: String?
    public var standardErrorContent: String?
    public var standardErrorUrl: String?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", comment = "Comment", documentName = "DocumentName"
        case documentVersion = "DocumentVersion", pluginName = "PluginName", responseCode = "ResponseCode"
        case executionStartDateTime = "ExecutionStartDateTime", executionElapsedTime = "ExecutionElapsedTime"
        case executionEndDateTime = "ExecutionEndDateTime", status = "Status", statusDetails = "StatusDetails"
        case standardOutputContent = "StandardOutputContent", standardOutputUrl = "StandardOutputUrl"
        case standardErrorContent = "StandardErrorContent", standardErrorUrl = "StandardErrorUrl"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

extension SSMClient {
    /// Reads one invocation (`AmazonSSM.GetCommandInvocation`). Right after SendCommand the service may answer
    /// `InvocationDoesNotExist` for a while (eventual consistency); ``waitUntilCommandExecuted(_:delay:maxAttempts:sleeper:)`` handles that.
    public func getCommandInvocation(_ input: GetCommandInvocationInput) async throws -> SSMResponse<GetCommandInvocationOutput> {
        try await call("GetCommandInvocation", input)
    }
}
