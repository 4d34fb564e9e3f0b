/// One difference between a baseline recording and a fresh one, or in the SSM shape model.
public struct DriftItem: Sendable, Hashable, CustomStringConvertible {
    /// What differs.
    public enum Aspect: String, Sendable, Hashable {
        /// An operation a scenario called (or no longer calls).
        case operation
        /// A member (JSON path) that appeared or vanished.
        case member
        /// The JSON type or form of a member (e.g. a timestamp's epoch number ↔ exponent ↔ ISO string).
        case type
        /// The values of an enum-like member (`Status`, `StatusDetails`).
        case values
        /// The outcomes of an operation: HTTP statuses and error codes.
        case outcomes
        /// The error messages of one error code (identifiers masked).
        case messages = "error-messages"
        /// The response header names.
        case headers
        /// A difference in the SSM shape model (committed model vs the installed botocore).
        case model
    }

    /// The cassette file name (`success-known-output.json`); `nil` for model drift.
    public let file: String?
    /// The operation; `nil` for model drift.
    public let operation: String?
    /// What differs.
    public let aspect: Aspect
    /// The JSON path, the error code, or the model location; `nil` when the aspect needs none.
    public let path: String?
    /// The baseline side (`(absent)`, `(none)` when there was nothing).
    public let old: String
    /// The fresh side.
    public let new: String
    /// Whether this is only a note: something seen in the baseline was not seen this time, and it depends on
    /// timing (an in-flight status, the eventual-consistency error right after SendCommand). Notes are listed but
    /// are not drift.
    public let isNote: Bool

    /// Creates an item.
    public init(
        file: String?,
        operation: String?,
        aspect: Aspect,
        path: String?,
        old: String,
        new: String,
        isNote: Bool = false
    ) {
        self.file = file
        self.operation = operation
        self.aspect = aspect
        self.path = path
        self.old = old
        self.new = new
        self.isNote = isNote
    }

    /// Where: `success-known-output.json GetCommandInvocation $.StatusDetails values`.
    public var location: String {
        var parts = [file, operation].compactMap { $0 }
        switch aspect {
        case .operation: break
        case .member: parts.append(path ?? "$")
        case .type: parts.append("\(path ?? "$") type")
        case .values: parts.append("\(path ?? "$") values")
        case .outcomes: parts.append("outcomes")
        case .messages: parts.append("error messages of \(path ?? "?")")
        case .headers: parts.append("response headers")
        case .model: parts.append("model \(path ?? "")")
        }
        return parts.joined(separator: " ")
    }

    /// One line: `success-known-output.json SendCommand $.Command.RequestedDateTime type: number (decimal) → string (ISO-8601 UTC)`;
    /// for the model, `model shape CommandId: changed max 36 → 40`.
    public var description: String { aspect == .model ? "\(location): \(old) \(new)" : "\(location): \(old) → \(new)" }
}
