import Foundation

/// An invocation's Status (`CommandInvocationStatus`; the plugin has the same values here, the emulator never
/// answers Delayed or Cancelling).
enum InvocationStatus: String, Sendable, Hashable, CaseIterable {
    case pending = "Pending"
    case inProgress = "InProgress"
    case success = "Success"
    case cancelled = "Cancelled"
    case timedOut = "TimedOut"
    case failed = "Failed"

    var isTerminal: Bool { self != .pending && self != .inProgress }
}

/// Which invocation: a command on one managed node.
struct InvocationKey: Sendable, Hashable {
    let commandID: String
    let instanceID: String
}

/// How an invocation ended.
struct InvocationOutcome: Sendable {
    let status: InvocationStatus
    let details: String
    let responseCode: Int
    /// The script's standard output and error as the agent holds them (stderr with the agent's
    /// `failed to run commands` line), before any cut.
    let stdout: [UInt8]
    let stderr: [UInt8]
    let ended: Date?
}

/// One invocation's state. Changed only under the ``InvocationBook``'s lock.
struct Invocation: Sendable {
    let key: InvocationKey
    let requestedAt: Date
    let isOffline: Bool
    /// Visible to GetCommandInvocation / ListCommandInvocations (after the eventual-consistency window).
    var isVisible = false
    /// When the script started (InProgress), if it has.
    var started: Date?
    /// Its process group while it runs.
    var process: ShellProcess?
    var cancelRequested = false
    var timedOut = false
    var outcome: InvocationOutcome?
    /// Files the running script writes (read for the `output-while-in-progress` fault).
    var stdoutPath: String?
    /// How many answers have shown the terminal status (for the `terminal-status-changes` fault).
    var terminalAnswers = 0

    var status: InvocationStatus {
        if let outcome { return outcome.status }
        return started == nil ? .pending : .inProgress
    }

    var details: String {
        if let outcome { return outcome.details }
        return status.rawValue
    }
}
