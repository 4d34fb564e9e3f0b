import Cassettes
import Foundation
import RawJSON

/// What `ssm-contract serve` runs: loads the cassettes, serves them until told to stop, prints the summary
/// and writes the report.
public enum ServeRunner {
    /// The command's settings.
    public struct Options: Sendable {
        /// Cassette files or folders (every `*.json` inside, sorted); default `Recordings`.
        public var paths: [String] = []
        /// Address, port, exhaustion policy, upstream (and the miss log).
        public var server = ReplayServerOptions()
        /// Where to write the JSON report, if anywhere.
        public var report: String?
        /// Whether unused interactions make the exit status 1.
        public var strict = false

        /// Options with every default.
        public init() {}
    }

    /// Serves until `stop` returns, then prints the summary. `output` receives the startup line (as soon as
    /// the server listens, so a script can read the port) and the summary.
    ///
    /// - Returns: ``ExitStatus/success``, or ``ExitStatus/violation`` when a request missed (or, strict, an
    ///   interaction was never used).
    /// - Throws: ``RunnerError``: bad input (2) for a missing or malformed cassette or bad options,
    ///   unreachable (4) when the address cannot be bound.
    public static func run(
        _ options: Options,
        output: @escaping @Sendable (String) -> Void,
        until stop: @escaping @Sendable () async -> Void
    ) async throws(RunnerError) -> ExitStatus {
        let files = try cassetteFiles(options)
        try preflight(options, files: files)
        let summary: ReplaySummary
        do {
            summary = try await ReplayServer.withServer(cassettes: files, options: options.server) { server in
                output(startupLine(server, cassettes: files.count))
                await stop()
                return server.summary
            }
        } catch let error as ReplayServerError {
            if error.cannotListen {
                throw RunnerError(
                    ListenFailure.message(host: options.server.host, port: options.server.port, detail: error.message),
                    status: .unreachable
                )
            }
            throw RunnerError(error.message, status: .badInput)
        } catch let error as CassetteError {
            throw RunnerError(error.description, status: .badInput)
        } catch let error as CassetteConfigurationError {
            throw RunnerError(error.description, status: .badInput)
        } catch {
            throw RunnerError("serve failed: \(error)", status: .internalError)
        }
        output(summary.text)
        if let report = options.report {
            try ReportFiles.write(json: summary.json(strict: options.strict), to: report)
        }
        return summary.status(strict: options.strict)
    }

    /// Before anything is served: the report and the recording cassette can be written, and a recording is
    /// labelled truthfully (`live` only from AWS, no mock's answers in a `live` folder).
    static func preflight(_ options: Options, files: [URL]) throws(RunnerError) {
        if options.report == OutputPaths.standardOutput {
            throw RunnerError(
                "--report -: serve's standard output carries the URL line and the summary; give the report a file",
                status: .badInput
            )
        }
        var outputs = OutputPaths().file("--report", options.report)
        if let upstream = options.server.upstream, let recording = files.first {
            outputs = outputs.file("--record-missing (the first CASSETTE)", recording.relativePath)
            let source: CassetteSource?
            if FileManager.default.fileExists(atPath: recording.path) {
                source = try? Cassette.load(from: recording).header.source
            } else {
                source = options.server.recordingSource
            }
            if let source {
                try RecordingLabel.check(source, endpoint: upstream, folder: recording.deletingLastPathComponent())
            }
        }
        try outputs.check()
    }

    /// `serving 3 cassettes (12 interactions) on http://127.0.0.1:PORT — point an SDK at it with --endpoint-url …`
    public static func startupLine(_ server: ReplayServer, cassettes: Int) -> String {
        var line =
            "serving \(Plural.count(cassettes, "cassette")) (\(Plural.count(server.transport.interactionCount, "interaction"))) on \(server.baseURL)"
        if let recorder = server.transport.recorder { line += ", recording misses into \(recorder.file.relativePath)" }
        return line + " — point an SDK at it with --endpoint-url \(server.baseURL)\n"
    }

    /// The cassette files to serve. With an upstream the first path is the cassette that records, and may
    /// not exist yet.
    static func cassetteFiles(_ options: Options) throws(RunnerError) -> [URL] {
        let paths = options.paths.isEmpty ? ["Recordings"] : options.paths
        var files: [URL]
        if options.server.upstream != nil {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: paths[0], isDirectory: &isFolder)
            guard !isFolder.boolValue else {
                throw RunnerError(
                    "\(paths[0]): --record-missing records into the first CASSETTE given, which must be a file (it may not exist yet), not a folder",
                    status: .badInput
                )
            }
            files = exists ? [URL(fileURLWithPath: paths[0])] : []
            if !exists {
                guard options.server.recordingSource != nil else {
                    throw RunnerError(
                        "\(paths[0]) does not exist; to create it with --record-missing say where its responses come from with --source live or --source mock:NAME@VERSION",
                        status: .badInput
                    )
                }
                files = [URL(fileURLWithPath: paths[0])]
            }
            files += try VerifyRunner.cassetteFiles(Array(paths.dropFirst()))
        } else {
            files = try VerifyRunner.cassetteFiles(paths)
        }
        guard !files.isEmpty else {
            throw RunnerError(
                "\(paths.joined(separator: ", ")): no cassettes (*.json) found; give cassette files or folders",
                status: .badInput
            )
        }
        return files
    }
}
