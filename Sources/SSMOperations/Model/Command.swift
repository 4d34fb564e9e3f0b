/// A command as SendCommand and ListCommands describe it. Every member is optional: real responses omit
/// members over time and moto omits several.
public struct Command: Decodable, Sendable, Hashable {
    public var commandId: String?
    public var documentName: String?
    public var documentVersion: String?
    public var comment: String?
    public var expiresAfter: SSMTimestamp?
    public var parameters: [String: [String]]?
    public var instanceIds: [String]?
    public var targets: [Target]?
    public var requestedDateTime: SSMTimestamp?
    public var status: CommandStatus?
    public var statusDetails: String?
    public var outputS3Region: String?
    public var outputS3BucketName: String?
    public var outputS3KeyPrefix: String?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var targetCount: Int?
    public var completedCount: Int?
    public var errorCount: Int?
    public var deliveryTimedOutCount: Int?
    public var serviceRole: String?
    public var notificationConfig: NotificationConfig?
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?
    public var timeoutSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId", documentName = "DocumentName", documentVersion = "DocumentVersion"
        case comment = "Comment", expiresAfter = "ExpiresAfter", parameters = "Parameters"
        case instanceIds = "InstanceIds", targets = "Targets", requestedDateTime = "RequestedDateTime"
        case status = "Status", statusDetails = "StatusDetails", outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName", outputS3KeyPrefix = "OutputS3KeyPrefix"
        case maxConcurrency = "MaxConcurrency", maxErrors = "MaxErrors", targetCount = "TargetCount"
        case completedCount = "CompletedCount", errorCount = "ErrorCount"
        case deliveryTimedOutCount = "DeliveryTimedOutCount", serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig", cloudWatchOutputConfig = "CloudWatchOutputConfig"
        case timeoutSeconds = "TimeoutSeconds"
    }
}
