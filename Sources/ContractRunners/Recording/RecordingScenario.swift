import SSMOperations

/// A scripted sequence of SSM calls recorded into one cassette.
public struct RecordingScenario: Sendable {
    /// The cassette's file name without `.json`, e.g. `send-command-and-wait`.
    public let name: String
    /// The cassette header's description.
    public let description: String
    /// Runs the calls and returns what each gave.
    public let run: @Sendable (SSMClient, RecordingScenario.Context) async throws -> [RecordedStep]

    /// What every scenario is given.
    public struct Context: Sendable {
        /// The managed nodes commands are sent to.
        public let instanceIDs: [String]
        /// Seconds between CommandExecuted polls (0 when replaying).
        public let pollDelay: Double
        /// Maximum CommandExecuted polls.
        public let pollAttempts: Int
        /// The shell commands SendCommand runs through `AWS-RunShellScript`.
        public let commands: [String]

        /// Creates a context.
        public init(
            instanceIDs: [String], pollDelay: Double = 5, pollAttempts: Int = 20,
            commands: [String] = RecordingScenario.defaultCommands
        ) {
            self.instanceIDs = instanceIDs
            self.pollDelay = pollDelay
            self.pollAttempts = pollAttempts
            self.commands = commands
        }
    }

    /// A CommandId no command has: the same 36-character shape as a real one.
    public static let unknownCommandID = "00000000-0000-4000-8000-000000000000"

    /// Every scenario, in the order `record` runs them.
    public static let all: [RecordingScenario] = [
        sendCommandAndWait, getCommandInvocationErrors, listCommandInvocations, listCommands, cancelCommand,
        describeInstanceInformation,
    ]

    /// The commands recordings send unless told otherwise (the committed moto recordings were made with them).
    public static let defaultCommands = ["uname -a"]

    /// The input every scenario sends: the context's commands (default `uname -a`) through `AWS-RunShellScript`.
    static func sendInput(_ context: Context, comment: String) -> SendCommandInput {
        SendCommandInput(
            documentName: "AWS-RunShellScript", instanceIds: context.instanceIDs,
            parameters: ["commands": context.commands], comment: comment)
    }

    /// Sends the command and returns its step and CommandId.
    static func send(_ ssm: SSMClient, _ context: Context, comment: String) async throws -> (RecordedStep, String?) {
        let (outcome, response) = try await StepOutcome.of({ try await ssm.sendCommand(sendInput(context, comment: comment)) }, as: TypedOutput.sendCommand)
        return (RecordedStep(operation: "SendCommand", label: "to \(context.instanceIDs.joined(separator: ", "))", outcome: outcome),
                response?.value.command?.commandId)
    }
}
