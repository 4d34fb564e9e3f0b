/// The input of SendCommand.
public struct SendCommandInput: Encodable, Sendable, Hashable {
    /// The document to run, e.g. `AWS-RunShellScript`.
    public var documentName: String
    /// The managed nodes, e.g. `i-0123456789abcdef0`.
    public var instanceIds: [String]?
    /// Targets by tag or resource group, instead of `instanceIds`.
    public var targets: [Target]?
    /// The document version (`$DEFAULT`, `$LATEST` or a number).
    public var documentVersion: String?
    /// The document's parameters, e.g. `["commands": ["uname -a"]]`.
    public var parameters: [String: [String]]?
    /// Seconds the command may wait to be delivered.
    public var timeoutSeconds: Int?
    /// A comment (up to 100 characters).
    public var comment: String?
    /// Output to S3: region, bucket, key prefix.
    public var outputS3Region: String?
    /// The `OutputS3BucketName` member.
    public var outputS3BucketName: String?
    /// The `OutputS3KeyPrefix` member.
    public var outputS3KeyPrefix: String?
    /// Concurrency and error limits, e.g. `50` or `10%`.
    public var maxConcurrency: String?
    /// The `MaxErrors` member.
    public var maxErrors: String?
    /// The IAM role for SNS notifications.
    public var serviceRoleArn: String?
    /// SNS notifications.
    public var notificationConfig: NotificationConfig?
    /// CloudWatch output.
    public var cloudWatchOutputConfig: CloudWatchOutputConfig?

    /// Creates an input.
    public init(
        documentName: String,
        instanceIds: [String]? = nil,
        targets: [Target]? = nil,
        parameters: [String: [String]]? = nil,
        comment: String? = nil,
        timeoutSeconds: Int? = nil
    ) {
        self.documentName = documentName
        self.instanceIds = instanceIds
        self.targets = targets
        self.parameters = parameters
        self.comment = comment
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case documentName = "DocumentName"
        case instanceIds = "InstanceIds"
        case targets = "Targets"
        case documentVersion = "DocumentVersion"
        case parameters = "Parameters"
        case timeoutSeconds = "TimeoutSeconds"
        case comment = "Comment"
        case outputS3Region = "OutputS3Region"
        case outputS3BucketName = "OutputS3BucketName"
        case outputS3KeyPrefix = "OutputS3KeyPrefix"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case serviceRoleArn = "ServiceRoleArn"
        case notificationConfig = "NotificationConfig"
        case cloudWatchOutputConfig = "CloudWatchOutputConfig"
    }
}

/// The output of SendCommand.
public struct SendCommandOutput: Decodable, Sendable, Hashable {
    /// The command that was sent.
    public var command: Command?

    enum CodingKeys: String, CodingKey { case command = "Command" }
}

extension SSMClient {
    /// Runs a document on managed nodes (`AmazonSSM.SendCommand`).
    public func sendCommand(_ input: SendCommandInput) async throws -> SSMResponse<SendCommandOutput> {
        try await call("SendCommand", input)
    }
}
