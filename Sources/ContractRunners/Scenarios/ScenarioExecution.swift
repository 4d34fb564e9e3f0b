import AWSWire
import ContractEngine
import Foundation
import SSMOperations

/// Runs one scenario's steps through an SSM client: the command it sends, what each call gave, and what the
/// scenario contracts will expect.
struct ScenarioExecution {
    let scenario: ScenarioDefinition
    let ssm: SSMClient
    let context: ScenarioContext

    /// A CommandId no command has: the 36-character shape of a real one.
    static let unknownCommandID = "00000000-0000-4000-8000-000000000000"
    /// An instance id no scenario sends to.
    static let instanceNotSentTo = "i-00000000000000000"

    private var result = ScenarioResult()
    private var commandID: String?
    private var sentAt: Date?
    /// The service's RequestedDateTime of the command (the base of the InvokedAfter/InvokedBefore filters, so
    /// a replay asks what the recording asked).
    private var requestedAt: Date?
    private let targets: [String]
    private let parameters: [String: String]

    init(scenario: ScenarioDefinition, ssm: SSMClient, context: ScenarioContext) {
        self.scenario = scenario
        self.ssm = ssm
        self.context = context
        self.targets = context.targets(scenario)
        self.parameters = scenario.parameters.merging(context.parameters) { _, override in override }
    }

    /// Runs every step; AWS-level failures become steps, transport failures and cassette misses are rethrown.
    mutating func run() async throws -> ScenarioResult {
        for step in scenario.steps {
            if case .inconclusive = result.outcome { break }
            try await perform(step)
        }
        if let commandID, let expectation = scenario.expectation(platform: context.platform, parameters: parameters) {
            result.expectations = ScenarioExpectations(
                scenario: scenario.name,
                platform: context.platform,
                invocations: targets.map { instance in
                    ScenarioExpectations.Invocation(
                        commandID: commandID,
                        instanceID: instance,
                        sentAt: sentAt?.timeIntervalSince1970,
                        status: expectation.status,
                        statusDetails: expectation.statusDetails,
                        responseCode: expectation.responseCode.flatMap { Int($0) },
                        stdout: expectation.stdout,
                        stderr: expectation.stderr,
                        runsAtLeast: expectation.runsAtLeast.flatMap { Double($0) }
                    )
                }
            )
        }
        return result
    }

    private mutating func perform(_ step: ScenarioStep) async throws {
        switch step {
        case .send: try await send()
        case .getRightAfterSend:
            guard let commandID else { return }
            for instance in targets {
                try await record(
                    "GetCommandInvocation",
                    "right after SendCommand, \(instance)",
                    as: TypedOutput.getCommandInvocation
                ) { [ssm, commandID] in
                    try await ssm.getCommandInvocation(
                        GetCommandInvocationInput(commandId: commandID, instanceId: instance)
                    )
                }
            }
        case .poll:
            guard let commandID else { return }
            for instance in targets { try await poll(commandID, instance, untilRunning: false) }
            await context.sentCommands?.finished(commandID)
        case .pollUntilRunning:
            guard let commandID, let instance = targets.first else { return }
            try await poll(commandID, instance, untilRunning: true)
        case .cancel:
            guard let commandID else { return }
            try await record("CancelCommand", "the command this scenario sent", as: TypedOutput.cancelCommand) {
                [ssm, commandID] in
                try await ssm.cancelCommand(CancelCommandInput(commandId: commandID))
            }
        case .list(let list): try await self.list(list)
        case .listCommands:
            try await record("ListCommands", "CommandId", as: TypedOutput.listCommands) { [ssm, commandID] in
                try await ssm.listCommands(ListCommandsInput(commandId: commandID))
            }
        case .describeInstances:
            try await record(
                "DescribeInstanceInformation",
                "all managed nodes",
                as: TypedOutput.describeInstanceInformation
            ) { [ssm, commandID] in
                try await ssm.describeInstanceInformation()
            }
        case .probe(let probe): try await self.probe(probe)
        }
    }

    private mutating func send() async throws {
        guard let run = scenario.runs[context.platform] else { return }
        var documentParameters = ["commands": run.commands.map { ScenarioDefinition.fill($0, parameters) }]
        for (name, value) in scenario.documentParameters {
            documentParameters[name] = [ScenarioDefinition.fill(value, parameters)]
        }
        var input = SendCommandInput(
            documentName: run.document,
            instanceIds: targets,
            parameters: documentParameters,
            comment: "ssm-contract \(scenario.name)"
        )
        input.timeoutSeconds = scenario.timeoutSeconds
        let started = Date()
        let (outcome, response) = try await StepOutcome.of(
            { [ssm] in try await ssm.sendCommand(input) },
            as: TypedOutput.sendCommand
        )
        append(RecordedStep(operation: "SendCommand", label: "to \(targets.joined(separator: ", "))", outcome: outcome))
        if let id = response?.value.command?.commandId {
            commandID = id
            sentAt = started
            requestedAt = response?.value.command?.requestedDateTime?.date
            await context.sentCommands?.sent(id, instances: targets)
        }
    }

    /// GetCommandInvocation until terminal (or InProgress with `untilRunning`), backing off; retries
    /// InvocationDoesNotExist as the eventual-consistency window.
    private mutating func poll(_ commandID: String, _ instance: String, untilRunning: Bool) async throws {
        let input = GetCommandInvocationInput(commandId: commandID, instanceId: instance)
        let started = Date()
        var delay = context.pollDelay
        var observations: [StepOutcome] = []
        var lastStatus: String?
        var ending: String?
        while ending == nil {
            let (outcome, response) = try await StepOutcome.of(
                { [ssm] in try await ssm.getCommandInvocation(input) },
                as: TypedOutput.getCommandInvocation
            )
            observations.append(outcome)
            let status = response?.value.status?.rawValue
            if status != lastStatus, let status {
                context.progress(
                    "\(scenario.name): GetCommandInvocation \(instance): \(status)/\(response?.value.statusDetails ?? "-")"
                )
                lastStatus = status
            }
            switch outcome {
            case .serviceError where outcome.inconclusiveReason != nil:
                // Throttled, or a retryable 5xx AWS error, after the SDK's retries: inconclusive, never a violation.
                ending = "failed after the SDK's retries"
                result.outcome = .inconclusive("\(outcome.inconclusiveReason ?? "") while polling \(instance)")
            case .serviceError("InvocationDoesNotExist", _, _): break
            case .value:
                if StatusVocabulary.isTerminal(status) {
                    ending = "terminal: \(status ?? "")"
                } else if untilRunning, status == "InProgress" {
                    ending = "running"
                }
            default:
                ending = "stopped on \(outcome)"
            }
            if ending != nil { break }
            if Date().timeIntervalSince(started) > scenario.maxWait {
                ending = "gave up after \(Int(scenario.maxWait)) s"
                result.outcome = .inconclusive(
                    "\(instance) still \(lastStatus ?? "not visible") after \(Int(scenario.maxWait)) s"
                )
                break
            }
            if !ssm.servesRecordedResponses {
                try await Task.sleep(nanoseconds: UInt64(max(delay, 0) * 1e9))
                delay = min(delay * 1.5, max(context.pollDelay * 8, context.pollDelay), 30)
            }
        }
        let label = untilRunning ? "polled until running, \(instance)" : "polled to a terminal status, \(instance)"
        append(
            RecordedStep(
                operation: "GetCommandInvocation",
                label: label,
                outcome: .waited(outcome: ending ?? "", observations: observations)
            )
        )
    }

    private mutating func list(_ list: ScenarioStep.ListStep) async throws {
        guard let commandID else { return }
        let filters = list.filters.map { pair in CommandFilter(key: pair[0], value: filterValue(pair[1])) }
        var input = ListCommandInvocationsInput(
            commandId: commandID,
            maxResults: list.maxResults,
            filters: filters.isEmpty ? nil : filters,
            details: list.details
        )
        var page = 1
        let describe = [
            list.details == true ? "Details" : "without Details", list.maxResults.map { "MaxResults \($0)" },
            filters.isEmpty ? nil : filters.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
        ].compactMap { $0 }.joined(separator: ", ")
        while true {
            let (outcome, response) = try await StepOutcome.of(
                { [ssm] in try await ssm.listCommandInvocations(input) },
                as: TypedOutput.listCommandInvocations
            )
            append(
                RecordedStep(
                    operation: "ListCommandInvocations",
                    label: describe + (list.allPages ? ", page \(page)" : ""),
                    outcome: outcome
                )
            )
            guard list.allPages, let token = response?.value.nextToken, page < 50 else { return }
            input.nextToken = token
            page += 1
        }
    }

    private mutating func probe(_ probe: ScenarioStep.Probe) async throws {
        let instance = targets.first ?? context.instanceIDs.first ?? Self.instanceNotSentTo
        switch probe {
        case .unknownCommandID:
            try await record("GetCommandInvocation", "unknown CommandId", as: TypedOutput.getCommandInvocation) {
                [ssm, commandID] in
                try await ssm.getCommandInvocation(
                    GetCommandInvocationInput(commandId: Self.unknownCommandID, instanceId: instance)
                )
            }
        case .instanceNotSentTo:
            guard let commandID else { return }
            try await record(
                "GetCommandInvocation",
                "instance the command was not sent to",
                as: TypedOutput.getCommandInvocation
            ) { [ssm, commandID] in
                try await ssm.getCommandInvocation(
                    GetCommandInvocationInput(commandId: commandID, instanceId: Self.instanceNotSentTo)
                )
            }
        case .badPluginName:
            guard let commandID else { return }
            try await record(
                "GetCommandInvocation",
                "a PluginName the document does not have",
                as: TypedOutput.getCommandInvocation
            ) { [ssm, commandID] in
                try await ssm.getCommandInvocation(
                    GetCommandInvocationInput(
                        commandId: commandID,
                        instanceId: instance,
                        pluginName: "aws:noSuchPlugin"
                    )
                )
            }
        case .badNextToken:
            try await record(
                "ListCommandInvocations",
                "a NextToken no listing gave",
                as: TypedOutput.listCommandInvocations
            ) { [ssm, commandID] in
                try await ssm.listCommandInvocations(
                    ListCommandInvocationsInput(commandId: commandID, nextToken: "ssm-contract-not-a-token")
                )
            }
        case .listUnknownCommandID:
            try await record("ListCommandInvocations", "unknown CommandId", as: TypedOutput.listCommandInvocations) {
                [ssm, commandID] in
                try await ssm.listCommandInvocations(ListCommandInvocationsInput(commandId: Self.unknownCommandID))
            }
        }
    }

    /// `$sent-minus-1h` / `$sent-plus-1h` as ISO-8601 UTC; other values as they are.
    private func filterValue(_ value: String) -> String {
        let base = requestedAt ?? sentAt ?? Date()
        let formatter = ISO8601DateFormatter()
        switch value {
        case "$sent-minus-1h": return formatter.string(from: base.addingTimeInterval(-3600))
        case "$sent-plus-1h": return formatter.string(from: base.addingTimeInterval(3600))
        default: return value
        }
    }

    private mutating func record<T: Sendable>(
        _ operation: String,
        _ label: String,
        as wrap: (T) -> TypedOutput,
        _ call: () async throws -> SSMResponse<T>
    ) async throws {
        let step = try await RecordedStep.call(operation, label, as: wrap, call)
        append(step)
    }

    private mutating func append(_ step: RecordedStep) {
        // Any step throttled, or failing with a retryable 5xx AWS error, after the SDK's retries: the scenario is
        // inconclusive, never a violation (the first reason is kept).
        if result.outcome == .completed, let reason = step.outcome.inconclusiveReason {
            result.outcome = .inconclusive("\(reason) on \(step.operation)")
        }
        result.steps.append(step)
        context.progress("\(scenario.name): \(step)")
    }
}
