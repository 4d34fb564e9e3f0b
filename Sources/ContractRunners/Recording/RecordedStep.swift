import AWSWire
import SSMOperations

/// One call of a recording scenario and what came back, typed: compared between a recording and its replay.
public struct RecordedStep: Sendable, Hashable, CustomStringConvertible {
    /// The operation, e.g. `GetCommandInvocation`.
    public let operation: String
    /// What the step does, e.g. `unknown CommandId`.
    public let label: String
    /// What came back.
    public let outcome: StepOutcome

    /// Creates a step.
    public init(operation: String, label: String, outcome: StepOutcome) {
        self.operation = operation
        self.label = label
        self.outcome = outcome
    }

    /// Makes a call and records its outcome (AWS-level failures become outcomes; transport failures and cassette
    /// misses are rethrown).
    static func call<T: Sendable>(
        _ operation: String,
        _ label: String,
        as wrap: (T) -> TypedOutput,
        _ call: () async throws -> SSMResponse<T>
    ) async throws -> RecordedStep {
        RecordedStep(operation: operation, label: label, outcome: try await StepOutcome.of(call, as: wrap).0)
    }

    /// One line: `GetCommandInvocation (unknown CommandId): InvalidCommandId (HTTP 400): Invalid command id.`.
    public var description: String { "\(operation) (\(label)): \(outcome)" }
}

/// What one call gave.
public enum StepOutcome: Sendable, Hashable, CustomStringConvertible {
    /// A typed 2xx response, and how many attempts it took.
    case value(TypedOutput, attempts: Int)
    /// An AWS error.
    case serviceError(code: String, statusCode: Int, message: String?)
    /// A non-2xx answer that is not an AWS error (moto's HTML 500 for operations it does not implement).
    case unreadable(statusCode: Int, reason: String)
    /// A 2xx answer that could not be decoded.
    case malformed(reason: String)
    /// A CommandExecuted wait: its outcome and every observation.
    case waited(outcome: String, observations: [StepOutcome])

    /// One line for messages and reports.
    public var description: String {
        switch self {
        case .value(let output, let attempts): "\(output)" + (attempts > 1 ? " after \(attempts) attempts" : "")
        case .serviceError(let code, let status, let message):
            "\(code) (HTTP \(status))" + (message.map { ": \($0)" } ?? "")
        case .unreadable(let status, let reason): "HTTP \(status), not an AWS error: \(reason)"
        case .malformed(let reason): "unreadable 2xx body: \(reason)"
        case .waited(let outcome, let observations):
            "waiter \(outcome) after \(Plural.count(observations.count, "poll"))"
        }
    }
}

/// The typed output of each operation the scenarios call.
public enum TypedOutput: Sendable, Hashable, CustomStringConvertible {
    /// The output of SendCommand.
    case sendCommand(SendCommandOutput)
    /// The output of GetCommandInvocation.
    case getCommandInvocation(GetCommandInvocationOutput)
    /// The output of ListCommandInvocations.
    case listCommandInvocations(ListCommandInvocationsOutput)
    /// The output of ListCommands.
    case listCommands(ListCommandsOutput)
    /// The output of CancelCommand.
    case cancelCommand(CancelCommandOutput)
    /// The output of DescribeInstanceInformation.
    case describeInstanceInformation(DescribeInstanceInformationOutput)

    /// One line for messages and reports.
    public var description: String {
        switch self {
        case .sendCommand(let output):
            "HTTP 200, CommandId \(output.command?.commandId ?? "none"), Status \(output.command?.status?.rawValue ?? "none")"
        case .getCommandInvocation(let output):
            "HTTP 200, Status \(output.status?.rawValue ?? "none"), StatusDetails \(output.statusDetails ?? "none"), ResponseCode \(output.responseCode.map(String.init) ?? "none")"
        case .listCommandInvocations(let output):
            "HTTP 200, \(Plural.count(output.commandInvocations?.count ?? 0, "invocation"))"
        case .listCommands(let output): "HTTP 200, \(Plural.count(output.commands?.count ?? 0, "command"))"
        case .cancelCommand: "HTTP 200"
        case .describeInstanceInformation(let output):
            "HTTP 200, \(Plural.count(output.instanceInformationList?.count ?? 0, "managed node"))"
        }
    }
}

extension StepOutcome {
    /// Runs a call and turns its result or AWS-level error into an outcome; transport failures and cassette
    /// misses are rethrown (they mean the recording itself failed).
    static func of<T: Sendable>(
        _ call: () async throws -> SSMResponse<T>,
        as wrap: (T) -> TypedOutput
    ) async throws -> (StepOutcome, SSMResponse<T>?) {
        do {
            let response = try await call()
            return (.value(wrap(response.value), attempts: response.attempts), response)
        } catch let error as AWSServiceError {
            return (.serviceError(code: error.code, statusCode: error.statusCode, message: error.message), nil)
        } catch let error as AWSUnreadableErrorResponse {
            return (.unreadable(statusCode: error.statusCode, reason: error.reason), nil)
        } catch let error as AWSMalformedResponseError {
            return (.malformed(reason: error.reason), nil)
        }
    }
}

extension StepOutcome {
    /// Why this outcome observed nothing about the contracts, or nil: an AWS error the standard retry mode retries
    /// (throttling, a transient code, an HTTP 5xx AWS error) that was still there after the last attempt. The
    /// scenario is then inconclusive, never a violation. (An answer that is not an AWS error, such as moto's HTML
    /// 500 for an operation it does not implement, is a finding of its own and stays one.)
    public var inconclusiveReason: String? {
        switch self {
        case .serviceError(let code, let statusCode, _):
            let error = AWSServiceError(
                code: code,
                message: nil,
                statusCode: statusCode,
                requestID: nil,
                operation: nil
            )
            return AWSRetryClassifier.classify(error) == nil ? nil : "\(code) (HTTP \(statusCode)) after the last retry"
        case .waited(_, let observations):
            return observations.lazy.compactMap(\.inconclusiveReason).first
        case .value, .unreadable, .malformed:
            return nil
        }
    }
}
