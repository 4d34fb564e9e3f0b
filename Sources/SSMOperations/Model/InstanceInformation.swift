/// A managed node as DescribeInstanceInformation reports it. Every member is optional.
public struct InstanceInformation: Decodable, Sendable, Hashable {
    public var instanceId: String?
    public var pingStatus: PingStatus?
    public var lastPingDateTime: SSMTimestamp?
    public var agentVersion: String?
    public var isLatestVersion: Bool?
    public var platformType: PlatformType?
    public var platformName: String?
    public var platformVersion: String?
    public var activationId: String?
    public var iamRole: String?
    public var registrationDate: SSMTimestamp?
    public var resourceType: String?
    public var name: String?
    public var ipAddress: String?
    public var computerName: String?
    public var associationStatus: String?
    public var lastAssociationExecutionDate: SSMTimestamp?
    public var lastSuccessfulAssociationExecutionDate: SSMTimestamp?
    public var sourceId: String?
    public var sourceType: String?

    enum CodingKeys: String, CodingKey {
        case instanceId = "InstanceId", pingStatus = "PingStatus", lastPingDateTime = "LastPingDateTime"
        case agentVersion = "AgentVersion", isLatestVersion = "IsLatestVersion", platformType = "PlatformType"
        case platformName = "PlatformName", platformVersion = "PlatformVersion", activationId = "ActivationId"
        case iamRole = "IamRole", registrationDate = "RegistrationDate", resourceType = "ResourceType"
        case name = "Name", ipAddress = "IPAddress", computerName = "ComputerName"
        case associationStatus = "AssociationStatus", lastAssociationExecutionDate = "LastAssociationExecutionDate"
        case lastSuccessfulAssociationExecutionDate = "LastSuccessfulAssociationExecutionDate"
        case sourceId = "SourceId", sourceType = "SourceType"
    }
}
