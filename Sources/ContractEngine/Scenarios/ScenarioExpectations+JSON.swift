import RawJSON

extension ScenarioExpectations {
    /// The header member's value.
    public var json: JSONValue {
        var root = JSONObject()
        root.append(key: "name", value: .string(scenario))
        root.append(key: "platform", value: .string(platform))
        root.append(key: "invocations", value: .array(invocations.map(\.json)))
        return .object(root)
    }

    /// Reads the header member; nil when it is not one (the scenario contracts are then not applicable).
    public init?(json: JSONValue) {
        guard case .object(let root) = json, let name = root["name"]?.stringValue,
            let list = root["invocations"]?.arrayValue
        else { return nil }
        let invocations = list.compactMap(Invocation.init(json:))
        guard invocations.count == list.count else { return nil }
        self.init(scenario: name, platform: root["platform"]?.stringValue ?? "linux", invocations: invocations)
    }
}

extension ScenarioExpectations.Invocation {
    var json: JSONValue {
        var object = JSONObject()
        object.append(key: "commandId", value: .string(commandID))
        object.append(key: "instanceId", value: .string(instanceID))
        if let sentAt { object.append(key: "sentAt", value: .number(JSONNumber(sentAt))) }
        if !status.isEmpty { object.append(key: "status", value: .array(status.map { .string($0) })) }
        if !statusDetails.isEmpty {
            object.append(key: "statusDetails", value: .array(statusDetails.map { .string($0) }))
        }
        if let responseCode { object.append(key: "responseCode", value: .number(JSONNumber(responseCode))) }
        if let stdout { object.append(key: "stdout", value: stdout.json) }
        if let stderr { object.append(key: "stderr", value: stderr.json) }
        if let runsAtLeast { object.append(key: "runsAtLeastSeconds", value: .number(JSONNumber(runsAtLeast))) }
        return .object(object)
    }

    init?(json: JSONValue) {
        guard case .object(let object) = json, let command = object["commandId"]?.stringValue,
            let instance = object["instanceId"]?.stringValue
        else { return nil }
        self.init(
            commandID: command,
            instanceID: instance,
            sentAt: object["sentAt"]?.doubleValue,
            status: (object["status"]?.arrayValue ?? []).compactMap(\.stringValue),
            statusDetails: (object["statusDetails"]?.arrayValue ?? []).compactMap(\.stringValue),
            responseCode: object["responseCode"]?.intValue,
            stdout: object["stdout"].flatMap(ExpectedText.init(json:)),
            stderr: object["stderr"].flatMap(ExpectedText.init(json:)),
            runsAtLeast: object["runsAtLeastSeconds"]?.doubleValue
        )
    }
}

extension ExpectedText {
    /// `{"text": "…"}` or `{"repeat": "…", "count": N}`.
    public var json: JSONValue {
        switch self {
        case .text(let text): return ["text": .string(text)]
        case .repeated(let unit, let count): return ["repeat": .string(unit), "count": .number(JSONNumber(count))]
        }
    }

    /// Reads `{"text": …}` or `{"repeat": …, "count": N}`.
    public init?(json: JSONValue) {
        if let text = json["text"]?.stringValue {
            self = .text(text)
        } else if let unit = json["repeat"]?.stringValue, let count = json["count"]?.intValue, count >= 0 {
            self = .repeated(unit, count: count)
        } else {
            return nil
        }
    }
}
