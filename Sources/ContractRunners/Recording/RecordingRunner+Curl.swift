import HTTPTransport

extension RecordingRunner {
    /// Records every selected scenario through a new `CurlTransport` with its default configuration (TLS
    /// verification on), shut down afterwards.
    ///
    /// - Throws: ``RunnerError`` as ``record(_:upstream:)`` does; unreachable (4) when libcurl cannot start.
    public static func recordThroughCurl(_ options: RecordingOptions) async throws(RunnerError) -> [ScenarioRun] {
        do {
            return try await CurlTransport.withCurlTransport { curl in try await record(options, upstream: curl) }
        } catch let error as RunnerError {
            throw error
        } catch {
            throw RunnerError("cannot start the libcurl transport: \(error)", status: .unreachable)
        }
    }
}
