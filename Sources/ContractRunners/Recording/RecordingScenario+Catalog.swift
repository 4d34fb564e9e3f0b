import AWSWire
import SSMOperations

extension RecordingScenario {
    /// SendCommand to every instance, GetCommandInvocation right after, then CommandExecuted polling to a
    /// terminal status, per instance.
    static let sendCommandAndWait = RecordingScenario(
        name: "send-command-and-wait",
        description: "SendCommand to two instances, GetCommandInvocation right after, then polled to a terminal status with the CommandExecuted waiter"
    ) { ssm, context in
        let (sent, commandID) = try await send(ssm, context, comment: "ssm-contract record: send-command-and-wait")
        var steps = [sent]
        guard let commandID else { return steps }
        for instance in context.instanceIDs {
            let input = GetCommandInvocationInput(commandId: commandID, instanceId: instance)
            steps.append(try await .call("GetCommandInvocation", "right after SendCommand, \(instance)", as: TypedOutput.getCommandInvocation) {
                try await ssm.getCommandInvocation(input)
            })
            steps.append(try await wait(ssm, input, context))
        }
        return steps
    }

    /// GetCommandInvocation for a CommandId that does not exist, and for an instance the command was not sent to.
    static let getCommandInvocationErrors = RecordingScenario(
        name: "get-command-invocation-errors",
        description: "GetCommandInvocation with an unknown CommandId, then with a real CommandId and an instance it was not sent to"
    ) { ssm, context in
        let first = context.instanceIDs.first ?? "i-0123456789abcdef0"
        let unknown = GetCommandInvocationInput(commandId: unknownCommandID, instanceId: first)
        var steps = [
            try await RecordedStep.call("GetCommandInvocation", "unknown CommandId", as: TypedOutput.getCommandInvocation) {
                try await ssm.getCommandInvocation(unknown)
            }
        ]
        let (sent, commandID) = try await send(ssm, context, comment: "ssm-contract record: get-command-invocation-errors")
        steps.append(sent)
        guard let commandID else { return steps }
        let other = GetCommandInvocationInput(commandId: commandID, instanceId: "i-00000000000000000")
        steps.append(try await .call("GetCommandInvocation", "instance the command was not sent to", as: TypedOutput.getCommandInvocation) {
            try await ssm.getCommandInvocation(other)
        })
        return steps
    }

    /// ListCommandInvocations for a fresh command, without and with `Details`.
    static let listCommandInvocations = RecordingScenario(
        name: "list-command-invocations",
        description: "SendCommand, then ListCommandInvocations for it without and with Details"
    ) { ssm, context in
        let (sent, commandID) = try await send(ssm, context, comment: "ssm-contract record: list-command-invocations")
        var steps = [sent]
        guard let commandID else { return steps }
        for details in [false, true] {
            let input = ListCommandInvocationsInput(commandId: commandID, details: details)
            steps.append(try await .call("ListCommandInvocations", details ? "Details true" : "without Details", as: TypedOutput.listCommandInvocations) {
                try await ssm.listCommandInvocations(input)
            })
        }
        return steps
    }

    /// ListCommands for one command and for all.
    static let listCommands = RecordingScenario(
        name: "list-commands",
        description: "SendCommand, then ListCommands for that CommandId and for every command"
    ) { ssm, context in
        let (sent, commandID) = try await send(ssm, context, comment: "ssm-contract record: list-commands")
        var steps = [sent]
        for (label, input) in [("CommandId", ListCommandsInput(commandId: commandID)), ("all commands", ListCommandsInput())] {
            steps.append(try await .call("ListCommands", label, as: TypedOutput.listCommands) { try await ssm.listCommands(input) })
        }
        return steps
    }

    /// CancelCommand on a fresh command.
    static let cancelCommand = RecordingScenario(
        name: "cancel-command",
        description: "SendCommand, then CancelCommand for it"
    ) { ssm, context in
        let (sent, commandID) = try await send(ssm, context, comment: "ssm-contract record: cancel-command")
        guard let commandID else { return [sent] }
        return [
            sent,
            try await .call("CancelCommand", "fresh command", as: TypedOutput.cancelCommand) {
                try await ssm.cancelCommand(CancelCommandInput(commandId: commandID))
            },
        ]
    }

    /// DescribeInstanceInformation for every managed node.
    static let describeInstanceInformation = RecordingScenario(
        name: "describe-instance-information",
        description: "DescribeInstanceInformation without filters"
    ) { ssm, _ in
        [
            try await .call("DescribeInstanceInformation", "all managed nodes", as: TypedOutput.describeInstanceInformation) {
                try await ssm.describeInstanceInformation()
            }
        ]
    }

    /// Polls to a terminal status and records every observation.
    static func wait(_ ssm: SSMClient, _ input: GetCommandInvocationInput, _ context: Context) async throws -> RecordedStep {
        let result: CommandExecutedResult
        do {
            result = try await ssm.waitUntilCommandExecuted(input, delay: context.pollDelay, maxAttempts: context.pollAttempts)
        } catch {
            throw error.underlying
        }
        let observations = result.observations.map { observation -> StepOutcome in
            switch observation {
            case .invocation(let response): .value(.getCommandInvocation(response.value), attempts: response.attempts)
            case .serviceError(let error): .serviceError(code: error.code, statusCode: error.statusCode, message: error.message)
            }
        }
        let outcome: String
        switch result.outcome {
        case .succeeded: outcome = "succeeded"
        case .failed(let status): outcome = "failed with \(status)"
        case .unexpectedError(let error): outcome = "stopped on \(error.code)"
        case .maxAttemptsExceeded: outcome = "gave up after \(context.pollAttempts) polls"
        }
        return RecordedStep(operation: "GetCommandInvocation", label: "CommandExecuted waiter, \(input.instanceId)", outcome: .waited(outcome: outcome, observations: observations))
    }
}
