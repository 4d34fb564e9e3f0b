/// One invocation of a command on one managed node (ListCommandInvocations). Every member is optional.
public struct CommandInvocation: Decodable, Sendable, Hashable {
    public var commandId: String?
    public var instanceId: String?
    public var instanceName: String?
    public var comment: String?
    public var documentName: String?
    public var documentVersion: String?
    public var requestedDateTime: SSMTimestamp?
    public var status: CommandInvocationStatus?
    public var statusDetails: String?
    public var traceOutput: String?
    public var standardOutputUrl: String?
    public var standardErrorUrl: String?
    /// The plugins; `[]` unless the request set `Details`.
    public var commandPlugins: [CommandPlugin]?
    public var serviceRole: String?
    public var notificationConfig: NotificationConfig?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", instanceId = "InstanceId", instanceName = "InstanceName", comment = "Comment"
        case documentName = "DocumentName", documentVersion = "DocumentVersion"
        case requestedDateTime = "RequestedDateTime", status = "Status", statusDetails = "StatusDetails"
        case traceOutput = "TraceOutput", standardOutputUrl = "StandardOutputUrl"
        case standardErrorUrl = "StandardErrorUrl", commandPlugins = "CommandPlugins", serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig", cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

/// One plugin (step) of an invocation, as ListCommandInvocations with `Details` reports it.
public struct CommandPlugin: Decodable, Sendable, Hashable {
    public var name: String?
    public var status: CommandPluginStatus?
    public var statusDetails: String?
    public var responseCode: Int?
    public var responseStartDateTime: SSMTimestamp?
    public var responseFinishDateTime: SSMTimestamp?
    /// Up to 2,500 bytes of stdout, then `\n----------ERROR-------\n` and stderr.
    public var output: String?
    public var standardOutputUrl: String?
    public var standardErrorUrl: String?
    public var outputS3Region: String?
    public var outputS3BucketName: String?
    public var outputS3KeyPrefix: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name", status = "Status", statusDetails = "StatusDetails", responseCode = "ResponseCode"
        case responseStartDateTime = "ResponseStartDateTime", responseFinishDateTime = "ResponseFinishDateTime"
        case output = "Output", standardOutputUrl = "StandardOutputUrl", standardErrorUrl = "StandardErrorUrl"
        case outputS3Region = "OutputS3Region", outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
    }
}
