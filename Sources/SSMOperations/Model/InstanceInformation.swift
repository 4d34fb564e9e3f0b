/// A managed node as DescribeInstanceInformation reports it. Every member is optional.
public struct InstanceInformation: Decodable, Sendable, Hashable {
    /// The `InstanceId` member.
    public var instanceId: String?
    /// The `PingStatus` member.
    public var pingStatus: PingStatus?
    /// The `LastPingDateTime` member.
    public var lastPingDateTime: SSMTimestamp?
    /// The `AgentVersion` member.
    public var agentVersion: String?
    /// The `IsLatestVersion` member.
    public var isLatestVersion: Bool?
    /// The `PlatformType` member.
    public var platformType: PlatformType?
    /// The `PlatformName` member.
    public var platformName: String?
    /// The `PlatformVersion` member.
    public var platformVersion: String?
    /// The `ActivationId` member.
    public var activationId: String?
    /// The `IamRole` member.
    public var iamRole: String?
    /// The `RegistrationDate` member.
    public var registrationDate: SSMTimestamp?
    /// The `ResourceType` member.
    public var resourceType: String?
    /// The `Name` member.
    public var name: String?
    /// The `IPAddress` member.
    public var ipAddress: String?
    /// The `ComputerName` member.
    public var computerName: String?
    /// The `AssociationStatus` member.
    public var associationStatus: String?
    /// The `LastAssociationExecutionDate` member.
    public var lastAssociationExecutionDate: SSMTimestamp?
    /// The `LastSuccessfulAssociationExecutionDate` member.
    public var lastSuccessfulAssociationExecutionDate: SSMTimestamp?
    /// The `SourceId` member.
    public var sourceId: String?
    /// The `SourceType` member.
    public var sourceType: String?

    enum CodingKeys: String, CodingKey {
        case instanceId = "InstanceId"
        case pingStatus = "PingStatus"
        case lastPingDateTime = "LastPingDateTime"
        case agentVersion = "AgentVersion"
        case isLatestVersion = "IsLatestVersion"
        case platformType = "PlatformType"
        case platformName = "PlatformName"
        case platformVersion = "PlatformVersion"
        case activationId = "ActivationId"
        case iamRole = "IamRole"
        case registrationDate = "RegistrationDate"
        case resourceType = "ResourceType"
        case name = "Name"
        case ipAddress = "IPAddress"
        case computerName = "ComputerName"
        case associationStatus = "AssociationStatus"
        case lastAssociationExecutionDate = "LastAssociationExecutionDate"
        case lastSuccessfulAssociationExecutionDate = "LastSuccessfulAssociationExecutionDate"
        case sourceId = "SourceId"
        case sourceType = "SourceType"
    }
}
