import Foundation
import RawJSON

extension EmulatorService {
    /// The document the emulator runs.
    static let runShellScript = "AWS-RunShellScript"

    /// SendCommand: accepts AWS-RunShellScript for known instances and starts one invocation per instance.
    func sendCommand(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        let document = try required(body, "DocumentName")
        guard document == Self.runShellScript else {
            throw ServiceError(
                "InvalidDocument",
                "Document \(document) does not exist in your account; the emulator runs only \(Self.runShellScript)."
            )
        }
        if body.has("Targets") {
            throw ServiceError("InvalidParameters", "The emulator sends commands by InstanceIds only, not by Targets.")
        }
        guard let instances = try body.strings("InstanceIds"), !instances.isEmpty else {
            throw ServiceError("InvalidParameters", "Either InstanceIds or Targets must be specified.")
        }
        if instances.count > 50 {
            throw .validation([
                "Value '\(instances)' at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50"
            ])
        }
        let unknown = instances.filter { !allInstances.contains($0) }
        if !unknown.isEmpty {
            throw ServiceError(
                "InvalidInstanceId",
                "Instances [[\(unknown.joined(separator: ", "))]] not in a valid state for account"
            )
        }
        let parameters = try body.parameters("Parameters")
        guard parameters["commands"]?.isEmpty == false else {
            throw ServiceError("InvalidParameters", "Parameter \"commands\" is required.")
        }
        let known: Set<String> = ["commands", "workingDirectory", "executionTimeout"]
        if let extra = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw ServiceError(
                "InvalidParameters",
                "Parameter \"\(extra)\" is not defined in the document \(Self.runShellScript)."
            )
        }
        let requestedTimeout = parameters["executionTimeout"]?.first
        let executionTimeout: Int?
        if let requestedTimeout {
            guard let seconds = Int(requestedTimeout) else {
                throw ServiceError(
                    "InvalidParameters",
                    "Parameter \"executionTimeout\" \"\(requestedTimeout)\" does not match the allowed pattern."
                )
            }
            executionTimeout = seconds
        } else {
            executionTimeout = nil
        }
        let deliveryTimeout = try body.int("TimeoutSeconds") ?? EmulatorTiming.defaultDeliveryTimeout
        guard (30...2_592_000).contains(deliveryTimeout) else {
            let bound = deliveryTimeout < 30 ? "greater than or equal to 30" : "less than or equal to 2592000"
            throw .validation([
                "Value '\(deliveryTimeout)' at 'timeoutSeconds' failed to satisfy constraint: Member must have value \(bound)"
            ])
        }
        let comment = try body.string("Comment") ?? ""
        if comment.count > 100 {
            throw .validation([
                "Value '\(comment)' at 'comment' failed to satisfy constraint: Member must have length less than or equal to 100"
            ])
        }
        let requestedAt = WireTime.milliseconds(clock.now())
        let command = CommandRecord(
            commandID: UUID().uuidString.lowercased(),
            documentName: document,
            documentVersion: try body.string("DocumentVersion") ?? "$DEFAULT",
            comment: comment,
            parameters: parameters,
            instanceIDs: instances,
            requestedAt: requestedAt,
            deliveryTimeout: deliveryTimeout,
            executionTimeout: timing.executionTimeout(executionTimeout),
            maxConcurrency: try body.string("MaxConcurrency") ?? "50",
            maxErrors: try body.string("MaxErrors") ?? "0"
        )
        let invocations = instances.map {
            Invocation(
                key: InvocationKey(commandID: command.commandID, instanceID: $0),
                requestedAt: requestedAt,
                isOffline: offlineInstances.contains($0)
            )
        }
        book.add(command, invocations: invocations)
        log("\(command.commandID): SendCommand to \(instances.joined(separator: ", "))")
        for invocation in invocations {
            let lifecycle = self.lifecycle
            tasks.start { await lifecycle.drive(invocation.key, command: command, offline: invocation.isOffline) }
        }
        return .object(JSONObject(["Command": commandJSON(command)]))
    }

    /// A Command as SendCommand and ListCommands show it, with the status and counts of its invocations.
    func commandJSON(_ command: CommandRecord) -> JSONValue {
        let invocations = command.instanceIDs.compactMap {
            book.invocation(InvocationKey(commandID: command.commandID, instanceID: $0))
        }
        let summary = CommandSummary(invocations)
        let parameters = JSONObject(
            command.parameters.keys.sorted().map { key in
                JSONMember(key: key, value: .array((command.parameters[key] ?? []).map { .string($0) }))
            }
        )
        return .object(
            JSONObject([
                "CommandId": .string(command.commandID), "DocumentName": .string(command.documentName),
                "DocumentVersion": .string(command.documentVersion), "Comment": .string(command.comment),
                "ExpiresAfter": WireTime.epoch(
                    command.requestedAt.addingTimeInterval(Double(command.deliveryTimeout + command.executionTimeout))
                ),
                "Parameters": .object(parameters), "InstanceIds": .array(command.instanceIDs.map { .string($0) }),
                "Targets": .array([]), "RequestedDateTime": WireTime.epoch(command.requestedAt),
                "Status": .string(summary.status), "StatusDetails": .string(summary.details),
                "OutputS3Region": .string(region), "OutputS3BucketName": "", "OutputS3KeyPrefix": "",
                "MaxConcurrency": .string(command.maxConcurrency), "MaxErrors": .string(command.maxErrors),
                "TargetCount": .number(JSONNumber(command.instanceIDs.count)),
                "CompletedCount": .number(JSONNumber(summary.completed)),
                "ErrorCount": .number(JSONNumber(summary.errors)),
                "DeliveryTimedOutCount": .number(JSONNumber(summary.deliveryTimedOut)), "ServiceRole": "",
                "NotificationConfig": InvocationAnswer.notificationConfig,
                "CloudWatchOutputConfig": InvocationAnswer.cloudWatchOutputConfig,
                "TimeoutSeconds": .number(JSONNumber(command.deliveryTimeout)),
            ])
        )
    }
}

/// A command's Status, StatusDetails and counts, from its invocations (`Command.CompletedCount`: terminal ones;
/// `ErrorCount`: Failed or Execution Timed Out; `DeliveryTimedOutCount`).
struct CommandSummary {
    let status: String
    let details: String
    let completed: Int
    let errors: Int
    let deliveryTimedOut: Int

    init(_ invocations: [Invocation]) {
        let statuses = invocations.map(\.status)
        completed = statuses.filter(\.isTerminal).count
        errors = invocations.filter { $0.status == .failed || $0.details == "ExecutionTimedOut" }.count
        deliveryTimedOut = invocations.filter { $0.details == "DeliveryTimedOut" }.count
        let status: InvocationStatus
        if statuses.allSatisfy({ $0 == .pending }) {
            status = .pending
        } else if statuses.contains(where: { !$0.isTerminal }) {
            status = .inProgress
        } else if statuses.contains(.failed) {
            status = .failed
        } else if statuses.contains(.timedOut) {
            status = .timedOut
        } else if statuses.contains(.cancelled) {
            status = .cancelled
        } else {
            status = .success
        }
        self.status = status.rawValue
        let details = Set(invocations.map(\.details))
        self.details = status.isTerminal && details.count == 1 ? details.first! : status.rawValue
    }
}
