/// The outcome of a job that has succeeded whenever it returns (skeleton, har export and import, emulate): only
/// the text to print; anything that goes wrong is a ``RunnerError`` instead.
public struct TextOutcome: RunnerOutcome {
    /// What the command prints on standard output (may be empty).
    public let text: String
    /// Always ``ExitStatus/success``.
    public var exitStatus: ExitStatus { .success }

    /// The outcome printing `text`.
    public init(text: String) { self.text = text }
}
