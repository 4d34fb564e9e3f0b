import Foundation
import RawJSON

extension EmulatorService {
    /// The agent version the emulator reports (the agent release its behaviour follows).
    static let agentVersion = "3.3.1142.0"

    /// DescribeInstanceInformation: the emulated managed nodes, online ones `Online`, offline ones
    /// `ConnectionLost`; filter `InstanceIds` / `PingStatus`; MaxResults 5–50.
    func describeInstanceInformation(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        var ids: Set<String>?
        var pings: Set<String>?
        if let filters = body.object["Filters"]?.arrayValue {
            for filter in filters {
                guard let key = filter["Key"]?.stringValue,
                    let values = filter["Values"]?.arrayValue?.compactMap(\.stringValue)
                else {
                    throw .serialization("Filters", expected: "filters with Key and Values")
                }
                switch key {
                case "InstanceIds": ids = Set(values)
                case "PingStatus": pings = Set(values)
                default:
                    throw ServiceError("InvalidFilterKey", "The emulator filters by InstanceIds and PingStatus only")
                }
            }
        }
        let now = WireTime.milliseconds(clock.now())
        let host = ProcessInfo.processInfo.hostName
        let nodes = allInstances.filter { id in
            let ping = offlineInstances.contains(id) ? "ConnectionLost" : "Online"
            return (ids?.contains(id) ?? true) && (pings?.contains(ping) ?? true)
        }
        let page = try Page.cut(
            nodes,
            body: body,
            operation: "DescribeInstanceInformation",
            range: 5...50,
            defaultSize: 50
        )
        let items: [JSONValue] = page.items.map { id in
            let online = !offlineInstances.contains(id)
            return .object(
                JSONObject([
                    "InstanceId": .string(id), "PingStatus": .string(online ? "Online" : "ConnectionLost"),
                    "LastPingDateTime": WireTime.epoch(online ? now : now.addingTimeInterval(-3600)),
                    "AgentVersion": .string(Self.agentVersion), "IsLatestVersion": .bool(false),
                    "PlatformType": "Linux", "PlatformName": "ssm-contract emulator", "PlatformVersion": "1",
                    "ResourceType": "EC2Instance", "IPAddress": "127.0.0.1", "ComputerName": .string(host),
                    "SourceId": .string(id), "SourceType": "AWS::EC2::Instance",
                ])
            )
        }
        var result = JSONObject(["InstanceInformationList": .array(items)])
        if let next = page.next { result.append(key: "NextToken", value: .string(next.text)) }
        return .object(result)
    }
}
