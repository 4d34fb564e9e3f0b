/// One invocation of a command on one managed node (ListCommandInvocations). Every member is optional.
public struct CommandInvocation: Decodable, Sendable, Hashable {
    /// The `CommandId` member.
    public var commandId: String?
    /// The `InstanceId` member.
    public var instanceId: String?
    /// The `InstanceName` member.
    public var instanceName: String?
    /// The `Comment` member.
    public var comment: String?
    /// The `DocumentName` member.
    public var documentName: String?
    /// The `DocumentVersion` member.
    public var documentVersion: String?
    /// The `RequestedDateTime` member.
    public var requestedDateTime: SSMTimestamp?
    /// The `Status` member.
    public var status: CommandInvocationStatus?
    /// The `StatusDetails` member.
    public var statusDetails: String?
    /// The `TraceOutput` member.
    public var traceOutput: String?
    /// The `StandardOutputUrl` member.
    public var standardOutputUrl: String?
    /// The `StandardErrorUrl` member.
    public var standardErrorUrl: String?
    /// The plugins; `[]` unless the request set `Details`.
    public var commandPlugins: [CommandPlugin]?
    /// The `ServiceRole` member.
    public var serviceRole: String?
    /// The `NotificationConfig` member.
    public var notificationConfig: NotificationConfig?
    /// The `CloudWatchOutputConfig` member.
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case instanceId = "InstanceId"
        case instanceName = "InstanceName"
        case comment = "Comment"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case requestedDateTime = "RequestedDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case traceOutput = "TraceOutput"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorUrl = "StandardErrorUrl"
        case commandPlugins = "CommandPlugins"
        case serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

/// One plugin (step) of an invocation, as ListCommandInvocations with `Details` reports it.
public struct CommandPlugin: Decodable, Sendable, Hashable {
    /// The `Name` member.
    public var name: String?
    /// The `Status` member.
    public var status: CommandPluginStatus?
    /// The `StatusDetails` member.
    public var statusDetails: String?
    /// The `ResponseCode` member.
    public var responseCode: Int?
    /// The `ResponseStartDateTime` member.
    public var responseStartDateTime: SSMTimestamp?
    /// The `ResponseFinishDateTime` member.
    public var responseFinishDateTime: SSMTimestamp?
    /// Up to 2,500 bytes of stdout, then `\n----------ERROR-------\n` and stderr.
    public var output: String?
    /// The `StandardOutputUrl` member.
    public var standardOutputUrl: String?
    /// The `StandardErrorUrl` member.
    public var standardErrorUrl: String?
    /// The `OutputS3Region` member.
    public var outputS3Region: String?
    /// The `OutputS3BucketName` member.
    public var outputS3BucketName: String?
    /// The `OutputS3KeyPrefix` member.
    public var outputS3KeyPrefix: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case responseCode = "ResponseCode"
        case responseStartDateTime = "ResponseStartDateTime"
        case responseFinishDateTime = "ResponseFinishDateTime"
        case output = "Output"
        case standardOutputUrl = "StandardOutputUrl"
        case standardErrorUrl = "StandardErrorUrl"
        case outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
    }
}
