import Foundation
import RawJSON

/// One invocation as an answer shows it: the state at the moment of the request, with the configured faults
/// applied. Building the JSON members of GetCommandInvocation, a listed CommandInvocation and its CommandPlugin.
struct InvocationAnswer: Sendable {
    /// The plugin (step) name of AWS-RunShellScript.
    static let pluginName = "aws:runShellScript"

    let invocation: Invocation
    let command: CommandRecord
    let faults: Set<EmulatorFault>
    let region: String

    /// Status and StatusDetails; with `terminal-status-changes`, every second terminal answer flips them.
    var status: (InvocationStatus, String) {
        let real = (invocation.status, invocation.details)
        guard faults.contains(.terminalStatusChanges), invocation.outcome != nil, invocation.terminalAnswers % 2 == 0
        else {
            return real
        }
        return real.0 == .success ? (.failed, "Failed") : (.success, "Success")
    }

    /// -1 until the invocation is terminal (`response-code-zero-before-start`: 0 while not started).
    var responseCode: Int {
        if let outcome = invocation.outcome { return outcome.responseCode }
        if invocation.started == nil && faults.contains(.responseCodeZeroBeforeStart) { return 0 }
        return -1
    }

    /// The script's stdout as far as the answer shows it: everything at the end, nothing before
    /// (`output-while-in-progress`: what it printed so far).
    private var visibleStdout: [UInt8]? {
        if let outcome = invocation.outcome { return outcome.stdout }
        if faults.contains(.outputWhileInProgress), invocation.started != nil, let path = invocation.stdoutPath {
            return ScratchFolders.read(path, limit: AgentTruncation.maximumStandardOutput)
        }
        return nil
    }

    private var wrongTruncation: Bool { faults.contains(.wrongTruncation) }

    private func cut(_ bytes: [UInt8], maximum: Int) -> [UInt8] {
        guard wrongTruncation else { return AgentTruncation.prefix(bytes, maximum: maximum) }
        return bytes.count >= maximum
            ? Array(bytes.prefix(maximum)) + Array(AgentTruncation.truncatedSuffix.utf8) : bytes
    }

    var standardOutput: String {
        visibleStdout.map { GoJSONText.string(cut($0, maximum: AgentTruncation.maximumStandardOutput)) } ?? ""
    }

    var standardError: String {
        invocation.outcome.map { GoJSONText.string(cut($0.stderr, maximum: AgentTruncation.maximumStandardError)) }
            ?? ""
    }

    /// A plugin's `Output`: the agent's merge of both streams within 2,500 bytes.
    var pluginOutput: String {
        guard let stdout = visibleStdout else { return "" }
        let stderr = invocation.outcome?.stderr ?? []
        let capacity =
            AgentTruncation.maximumPluginOutput + (wrongTruncation ? AgentTruncation.outputTruncated.utf8.count : 0)
        return GoJSONText.string(AgentTruncation.pluginOutput(stdout: stdout, stderr: stderr, capacity: capacity))
    }

    /// ExecutionStartDateTime, ExecutionEndDateTime, ExecutionElapsedTime: "" until known. The end is the start
    /// plus the elapsed time cut to whole seconds, as in every AWS response on record (same millisecond part).
    var executionTimes: (start: String, end: String, elapsed: String) {
        guard let started = invocation.started else { return ("", "", "") }
        guard let ended = invocation.outcome?.ended else { return (WireTime.string(started), "", "") }
        let millis = Int64(((ended.timeIntervalSince1970 - started.timeIntervalSince1970) * 1000).rounded())
        let end = started.addingTimeInterval(Double(max(0, millis) / 1000))
        return (WireTime.string(started), WireTime.string(end), WireTime.duration(milliseconds: max(0, millis)))
    }

    static let cloudWatchOutputConfig: JSONValue = .object(
        JSONObject([
            "CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": .bool(false),
        ])
    )

    static let notificationConfig: JSONValue = .object(
        JSONObject([
            "NotificationArn": "", "NotificationEvents": .array([]), "NotificationType": "",
        ])
    )

    /// The GetCommandInvocation result.
    var getCommandInvocation: JSONValue {
        let (status, details) = self.status
        let times = executionTimes
        return .object(
            JSONObject([
                "CommandId": .string(command.commandID), "InstanceId": .string(invocation.key.instanceID),
                "Comment": .string(command.comment), "DocumentName": .string(command.documentName),
                "DocumentVersion": .string(command.documentVersion), "PluginName": .string(Self.pluginName),
                "ResponseCode": .number(JSONNumber(responseCode)),
                "ExecutionStartDateTime": .string(times.start), "ExecutionElapsedTime": .string(times.elapsed),
                "ExecutionEndDateTime": .string(times.end), "Status": .string(status.rawValue),
                "StatusDetails": .string(details), "StandardOutputContent": .string(standardOutput),
                "StandardOutputUrl": "", "StandardErrorContent": .string(standardError), "StandardErrorUrl": "",
                "CloudWatchOutputConfig": Self.cloudWatchOutputConfig,
            ])
        )
    }

    /// A ListCommandInvocations item; `CommandPlugins` holds the plugin only with `Details`.
    func listedInvocation(details: Bool) -> JSONValue {
        let (status, statusDetails) = self.status
        return .object(
            JSONObject([
                "CommandId": .string(command.commandID), "InstanceId": .string(invocation.key.instanceID),
                "InstanceName": "", "Comment": .string(command.comment), "DocumentName": .string(command.documentName),
                "DocumentVersion": .string(command.documentVersion),
                "RequestedDateTime": WireTime.epoch(command.requestedAt),
                "Status": .string(status.rawValue), "StatusDetails": .string(statusDetails), "TraceOutput": "",
                "StandardOutputUrl": "", "StandardErrorUrl": "",
                "CommandPlugins": .array(details ? [plugin] : []), "ServiceRole": "",
                "NotificationConfig": Self.notificationConfig, "CloudWatchOutputConfig": Self.cloudWatchOutputConfig,
            ])
        )
    }

    /// The one CommandPlugin of AWS-RunShellScript; start and finish times are left out until known.
    var plugin: JSONValue {
        let (status, details) = self.status
        var object = JSONObject([
            "Name": .string(Self.pluginName), "Status": .string(status.rawValue), "StatusDetails": .string(details),
            "ResponseCode": .number(JSONNumber(responseCode)),
        ])
        if let started = invocation.started {
            object.append(key: "ResponseStartDateTime", value: WireTime.epoch(started))
        }
        if let ended = invocation.outcome?.ended, invocation.started != nil {
            object.append(key: "ResponseFinishDateTime", value: WireTime.epoch(ended))
        }
        for (key, value) in [
            ("Output", JSONValue.string(pluginOutput)), ("StandardOutputUrl", ""), ("StandardErrorUrl", ""),
            ("OutputS3Region", .string(region)), ("OutputS3BucketName", ""), ("OutputS3KeyPrefix", ""),
        ] { object.append(key: key, value: value) }
        return .object(object)
    }
}

extension InvocationBook {
    /// The invocation as an answer sees it, counting terminal answers (for `terminal-status-changes`).
    func answer(_ key: InvocationKey) -> Invocation? {
        update(key) { invocation in
            if invocation.outcome != nil { invocation.terminalAnswers += 1 }
            return invocation
        }
    }
}
