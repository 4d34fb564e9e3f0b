/// A deliberate deviation from AWS's behaviour, for testing that the contracts catch it (`--fault NAME`).
public enum EmulatorFault: String, Sendable, Hashable, CaseIterable {
    /// Cuts output at the limit and then appends the marker, so StandardOutputContent holds 24,020 bytes,
    /// StandardErrorContent 8,020 and a plugin's Output 2,522 (caught by `output.stdout-limit`,
    /// `output.plugin-output-limit`).
    case wrongTruncation = "wrong-truncation"
    /// Shows what the script printed so far while it is InProgress (caught by `output.empty-until-terminal`).
    case outputWhileInProgress = "output-while-in-progress"
    /// Answers ResponseCode 0 instead of -1 before the plugin starts (caught by `response-code.not-started`).
    case responseCodeZeroBeforeStart = "response-code-zero-before-start"
    /// After a terminal status has been answered once, later answers alternate it with another terminal status
    /// (Success ↔ Failed; caught by `sequence.terminal-final`).
    case terminalStatusChanges = "terminal-status-changes"
    /// ListCommandInvocations pages after the first repeat the first page's invocations (caught by
    /// `pagination.no-duplicates`).
    case repeatedPage = "repeated-page"

    /// The names, for usage messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
