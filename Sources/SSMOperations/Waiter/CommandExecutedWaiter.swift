import AWSWire

/// What one poll of GetCommandInvocation saw.
public enum CommandInvocationObservation: Sendable {
    /// The service answered the invocation.
    case invocation(SSMResponse<GetCommandInvocationOutput>)
    /// The service answered an AWS error (`InvocationDoesNotExist` right after SendCommand, or anything else).
    case serviceError(AWSServiceError)

    /// The invocation status, when the service answered one.
    public var status: CommandInvocationStatus? {
        if case .invocation(let response) = self { return response.value.status }
        return nil
    }
}

/// How the wait ended.
public enum CommandExecutedOutcome: Sendable, Hashable {
    /// The invocation reached `Success`.
    case succeeded
    /// The invocation reached a failure status: `Cancelled`, `TimedOut`, `Failed` or `Cancelling`.
    case failed(CommandInvocationStatus)
    /// The service answered an error other than `InvocationDoesNotExist`.
    case unexpectedError(AWSServiceError)
    /// `maxAttempts` polls ended without a terminal status.
    case maxAttemptsExceeded
}

/// The result of ``SSMClient/waitUntilCommandExecuted(_:delay:maxAttempts:sleeper:)``: how it ended and every
/// observation in order (the contract engine judges the sequence).
public struct CommandExecutedResult: Sendable {
    /// How the wait ended.
    public let outcome: CommandExecutedOutcome
    /// Every poll, in order.
    public let observations: [CommandInvocationObservation]
}

/// The acceptors of botocore's `CommandExecuted` waiter (`waiters-2.json`).
public enum CommandExecutedAcceptors {
    /// Keep polling on these statuses (and on any status the waiter does not know).
    public static let retry: Set<CommandInvocationStatus> = [.pending, .inProgress, .delayed]
    /// Stop with success.
    public static let success: Set<CommandInvocationStatus> = [.success]
    /// Stop with failure.
    public static let failure: Set<CommandInvocationStatus> = [.cancelled, .timedOut, .failed, .cancelling]
    /// Keep polling on this error code (eventual consistency right after SendCommand).
    public static let retryErrorCode = "InvocationDoesNotExist"
}

extension SSMClient {
    /// Polls GetCommandInvocation with the semantics of botocore's `CommandExecuted` waiter: keep polling on
    /// `Pending`, `InProgress`, `Delayed` (and unknown statuses) and on `InvocationDoesNotExist`; succeed on
    /// `Success`; fail on `Cancelled`, `TimedOut`, `Failed`, `Cancelling` or another AWS error. Waits `delay`
    /// seconds between polls, except when the transport serves recorded responses.
    ///
    /// - Throws: ``CommandExecutedInterruptedError`` when a poll fails below the AWS level.
    public func waitUntilCommandExecuted(
        _ input: GetCommandInvocationInput,
        delay: Double = 5,
        maxAttempts: Int = 20,
        sleeper: @escaping @Sendable (Double) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        }
    ) async throws(CommandExecutedInterruptedError) -> CommandExecutedResult {
        var observations: [CommandInvocationObservation] = []
        for attempt in 1...max(1, maxAttempts) {
            do {
                let response = try await getCommandInvocation(input)
                observations.append(.invocation(response))
                let status = response.value.status ?? ""
                if CommandExecutedAcceptors.success.contains(status) {
                    return CommandExecutedResult(outcome: .succeeded, observations: observations)
                }
                if CommandExecutedAcceptors.failure.contains(status) {
                    return CommandExecutedResult(outcome: .failed(status), observations: observations)
                }
            } catch let error as AWSServiceError {
                observations.append(.serviceError(error))
                guard error.code == CommandExecutedAcceptors.retryErrorCode else {
                    return CommandExecutedResult(outcome: .unexpectedError(error), observations: observations)
                }
            } catch {
                throw CommandExecutedInterruptedError(underlying: error, observations: observations)
            }
            if attempt < maxAttempts, !servesRecordedResponses {
                do { try await sleeper(delay) } catch {
                    throw CommandExecutedInterruptedError(underlying: error, observations: observations)
                }
            }
        }
        return CommandExecutedResult(outcome: .maxAttemptsExceeded, observations: observations)
    }
}
