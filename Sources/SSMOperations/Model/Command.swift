/// A command as SendCommand and ListCommands describe it. Every member is optional: real responses omit
/// members over time and moto omits several.
public struct Command: Decodable, Sendable, Hashable {
    /// The `CommandId` member.
    public var commandId: String?
    /// The `DocumentName` member.
    public var documentName: String?
    /// The `DocumentVersion` member.
    public var documentVersion: String?
    /// The `Comment` member.
    public var comment: String?
    /// The `ExpiresAfter` member.
    public var expiresAfter: SSMTimestamp?
    /// The `Parameters` member.
    public var parameters: [String: [String]]?
    /// The `InstanceIds` member.
    public var instanceIds: [String]?
    /// The `Targets` member.
    public var targets: [Target]?
    /// The `RequestedDateTime` member.
    public var requestedDateTime: SSMTimestamp?
    /// The `Status` member.
    public var status: CommandStatus?
    /// The `StatusDetails` member.
    public var statusDetails: String?
    /// The `OutputS3Region` member.
    public var outputS3Region: String?
    /// The `OutputS3BucketName` member.
    public var outputS3BucketName: String?
    /// The `OutputS3KeyPrefix` member.
    public var outputS3KeyPrefix: String?
    /// The `MaxConcurrency` member.
    public var maxConcurrency: String?
    /// The `MaxErrors` member.
    public var maxErrors: String?
    /// The `TargetCount` member.
    public var targetCount: Int?
    /// The `CompletedCount` member.
    public var completedCount: Int?
    /// The `ErrorCount` member.
    public var errorCount: Int?
    /// The `DeliveryTimedOutCount` member.
    public var deliveryTimedOutCount: Int?
    /// The `ServiceRole` member.
    public var serviceRole: String?
    /// The `NotificationConfig` member.
    public var notificationConfig: NotificationConfig?
    /// The `CloudWatchOutputConfig` member.
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?
    /// The `TimeoutSeconds` member.
    public var timeoutSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case commandId = "CommandId"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case comment = "Comment"
        case expiresAfter = "ExpiresAfter"
        case parameters = "Parameters"
        case instanceIds = "InstanceIds"
        case targets = "Targets"
        case requestedDateTime = "RequestedDateTime"
        case status = "Status"
        case statusDetails = "StatusDetails"
        case outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case targetCount = "TargetCount"
        case completedCount = "CompletedCount"
        case errorCount = "ErrorCount"
        case deliveryTimedOutCount = "DeliveryTimedOutCount"
        case serviceRole = "ServiceRole"
        case notificationConfig = "NotificationConfig"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
        case timeoutSeconds = "TimeoutSeconds"
    }
}
