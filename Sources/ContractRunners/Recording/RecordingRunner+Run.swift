import HTTPTransport

extension RecordingRunner: Runner {
    /// What `record` is told: ``RecordingOptions``.
    public typealias Options = RecordingOptions

    /// What a recording wrote and how it ends.
    public struct Outcome: RunnerOutcome {
        /// One run per recorded scenario, in catalog order.
        public let runs: [ScenarioRun]
        /// ``RecordingRunner/summary(_:options:)`` and a newline.
        public let text: String
        /// 0, or 4 (unreachable) when a scenario could not be observed whole.
        public var exitStatus: ExitStatus {
            runs.contains { if case .inconclusive = $0.outcome { true } else { false } } ? .unreachable : .success
        }
    }

    /// Records every selected scenario through a new `CurlTransport` with its default configuration (TLS
    /// verification on), shut down afterwards.
    ///
    /// - Throws: ``RunnerError`` as ``record(_:upstream:)`` does; unreachable (4) when libcurl cannot start.
    public static func run(_ options: RecordingOptions) async throws(RunnerError) -> Outcome {
        let runs: [ScenarioRun]
        do {
            runs = try await CurlTransport.withCurlTransport { curl in try await record(options, upstream: curl) }
        } catch let error as RunnerError {
            throw error
        } catch {
            throw RunnerError("cannot start the libcurl transport: \(error)", status: .unreachable)
        }
        return Outcome(runs: runs, text: summary(runs, options: options) + "\n")
    }
}
