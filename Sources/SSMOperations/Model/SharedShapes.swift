/// A `Key`/`Values` target of a command (`InstanceIds`, `tag:Name`, `resource-groups:Name`, ...).
public struct Target: Codable, Sendable, Hashable {
    /// The target key, e.g. `tag:Environment` or `InstanceIds`.
    public var key: String?
    /// The values.
    public var values: [String]?

    /// Creates a target.
    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}

/// Where command output goes in CloudWatch Logs.
public struct CloudWatchOutputConfig: Codable, Sendable, Hashable {
    /// The log group (`""` has been observed although the model demands at least one character).
    public var cloudWatchLogGroupName: String?
    /// Whether output is sent to CloudWatch.
    public var cloudWatchOutputEnabled: Bool?

    /// Creates a configuration.
    public init(cloudWatchLogGroupName: String? = nil, cloudWatchOutputEnabled: Bool? = nil) {
        self.cloudWatchLogGroupName = cloudWatchLogGroupName
        self.cloudWatchOutputEnabled = cloudWatchOutputEnabled
    }

    enum CodingKeys: String, CodingKey {
        case cloudWatchLogGroupName = "CloudWatchLogGroupName"
        case cloudWatchOutputEnabled = "CloudWatchOutputEnabled"
    }
}

/// Amazon SNS notifications for a command.
public struct NotificationConfig: Codable, Sendable, Hashable {
    /// The topic ARN.
    public var notificationArn: String?
    /// The events notified (`All`, `InProgress`, `Success`, ...; kept as strings).
    public var notificationEvents: [String]?
    /// `Command` or `Invocation` (`""` has been observed).
    public var notificationType: String?

    /// Creates a configuration.
    public init(notificationArn: String? = nil, notificationEvents: [String]? = nil, notificationType: String? = nil) {
        self.notificationArn = notificationArn
        self.notificationEvents = notificationEvents
        self.notificationType = notificationType
    }

    enum CodingKeys: String, CodingKey {
        case notificationArn = "NotificationArn"
        case notificationEvents = "NotificationEvents"
        case notificationType = "NotificationType"
    }
}

/// A `key`/`value` filter of ListCommands and ListCommandInvocations (member names are lower case on the wire).
public struct CommandFilter: Codable, Sendable, Hashable {
    /// `InvokedAfter`, `InvokedBefore`, `Status`, `ExecutionStage` or `DocumentName`.
    public var key: String
    /// The value, e.g. `2024-07-07T00:00:00Z` or `Success`.
    public var value: String

    /// Creates a filter.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A `Key`/`Values` filter of DescribeInstanceInformation (`Filters`).
public struct InstanceInformationStringFilter: Codable, Sendable, Hashable {
    /// E.g. `InstanceIds`, `PingStatus`, `PlatformTypes`, `tag:Name`.
    public var key: String
    /// The values.
    public var values: [String]

    /// Creates a filter.
    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case values = "Values"
    }
}
