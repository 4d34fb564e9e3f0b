/// The run reached its API-call cap (`--max-api-calls`); nothing more is sent but its own CancelCommand calls.
struct CallCapReached: Error, Sendable, CustomStringConvertible {
    let limit: Int
    var description: String { "the API-call cap (--max-api-calls \(limit)) was reached" }
}
