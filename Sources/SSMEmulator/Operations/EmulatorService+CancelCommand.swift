import RawJSON

extension EmulatorService {
    /// CancelCommand: an invocation not yet started ends Cancelled at once (ResponseCode -1); a running one has
    /// its process group killed and ends Cancelled with the agent's 137. Finished invocations stay as they are.
    func cancelCommand(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        let commandID = try required(body, "CommandId")
        guard let command = book.command(commandID) else { throw .invalidCommandID }
        let instances = try body.strings("InstanceIds") ?? command.instanceIDs
        if let stranger = instances.first(where: { !command.instanceIDs.contains($0) }) {
            throw ServiceError("InvalidInstanceId", "Instance \(stranger) is not a target of command \(commandID)")
        }
        let now = WireTime.milliseconds(clock.now())
        for instance in instances {
            let key = InvocationKey(commandID: commandID, instanceID: instance)
            let running: ShellProcess? =
                book.update(key) { invocation -> ShellProcess? in
                    guard invocation.outcome == nil else { return nil }
                    invocation.cancelRequested = true
                    guard invocation.started != nil else {
                        invocation.outcome = InvocationOutcome(
                            status: .cancelled,
                            details: "Cancelled",
                            responseCode: -1,
                            stdout: [],
                            stderr: [],
                            ended: now
                        )
                        return nil
                    }
                    return invocation.process
                } ?? nil
            running?.killGroup()
        }
        log("\(commandID): CancelCommand for \(instances.joined(separator: ", "))")
        return .object(JSONObject())
    }
}
