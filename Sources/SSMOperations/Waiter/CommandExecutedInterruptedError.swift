import AWSWire

/// The wait stopped on a failure that is not an AWS answer (transport, unreadable body, cancellation); the
/// observations made so far are kept.
public struct CommandExecutedInterruptedError: Error, Sendable, CustomStringConvertible {
    /// The error that stopped the wait.
    public let underlying: any Error
    /// The polls made before it.
    public let observations: [CommandInvocationObservation]

    /// One line for messages and reports.
    public var description: String {
        "waiting for the command stopped after \(observations.count) polls: \(underlying)"
    }
}
