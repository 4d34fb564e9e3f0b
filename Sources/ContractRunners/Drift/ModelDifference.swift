/// One difference between the committed SSM model and the current botocore model.
public struct ModelDifference: Sendable, Equatable, CustomStringConvertible {
    /// What changed.
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    /// Where: `operation GetCommandInvocation`, `shape CommandId`, `GetCommandInvocationResult.StatusDetails`, ...
    public let location: String
    /// Added, removed or changed.
    public let kind: Kind
    /// What exactly, e.g. `max 36 → 40` or `enum value "Delayed"`.
    public let detail: String

    public init(location: String, kind: Kind, detail: String) {
        self.location = location
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(location): \(kind.rawValue) \(detail)" }
}
