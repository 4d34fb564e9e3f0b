/// The one shape of every `ssm-contract` job (verify, check, audit, skeleton, check-cli, record, live, serve,
/// proxy, emulate, har export/import, the model-drift check): options in; out, the ``RunnerOutcome`` — what to
/// print and how the command ends; anything that stops the job early is one ``RunnerError`` line with its exit
/// status. The CLI commands only map their flags onto ``Options``, print ``RunnerOutcome/text`` and exit with
/// ``RunnerOutcome/exitStatus``.
///
/// The long-running servers (serve, proxy, emulate) take the same shape: their options carry a `ready` callback
/// (the startup line, as soon as they listen) and an `until` closure that returns when they are to stop; the
/// outcome is the summary they print when stopped.
public protocol Runner {
    /// What the job is told: the command's flags, as values.
    associatedtype Options: Sendable
    /// What the job found.
    associatedtype Outcome: RunnerOutcome

    /// Runs the job.
    ///
    /// - Throws: ``RunnerError``: one line naming the file or field and what to do, with its exit status.
    static func run(_ options: Options) async throws(RunnerError) -> Outcome
}

/// What a ``Runner`` found: the text the command prints on standard output and the status it exits with.
public protocol RunnerOutcome: Sendable {
    /// The report as the command prints it on standard output (may be empty).
    var text: String { get }
    /// The status the command exits with.
    var exitStatus: ExitStatus { get }
}
