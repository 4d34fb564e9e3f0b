/// The status values the Swift contracts reason about (docs/aws-behaviour.md#status-values; the data contracts list them in
/// the catalog).
public enum StatusVocabulary {
    /// `CommandInvocationStatus` values that end an invocation (SSM API model; UG "terminal state").
    public static let terminal: Set<String> = ["Success", "Cancelled", "TimedOut", "Failed"]
    /// `CommandInvocationStatus` values of an invocation still under way.
    public static let inFlight: Set<String> = ["Pending", "InProgress", "Delayed", "Cancelling"]

    /// Whether `status` is a terminal enum value.
    public static func isTerminal(_ status: String?) -> Bool { status.map(terminal.contains) ?? false }

    /// Whether `status` is a known enum value (exact spelling).
    public static func isKnown(_ status: String?) -> Bool {
        guard let status else { return false }
        return terminal.contains(status) || inFlight.contains(status)
    }

    /// The in-flight statuses a status may move to (terminal statuses are always reachable from in-flight ones).
    ///
    /// `Pending` and `Delayed` may go anywhere (a delayed invocation shows as `Pending` with details `Delayed`);
    /// an invocation that reached the instance (`InProgress`) does not go back to `Pending` or `Delayed`; once
    /// `Cancelling` it only ends.
    public static func allowedInFlight(from status: String) -> Set<String> {
        switch status {
        case "Pending", "Delayed": return inFlight
        case "InProgress": return ["InProgress", "Cancelling"]
        case "Cancelling": return ["Cancelling"]
        default: return []
        }
    }
}
