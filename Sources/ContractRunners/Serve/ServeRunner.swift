import Cassettes
import Foundation
import RawJSON

/// What `ssm-contract serve` runs: loads the cassettes, serves them until told to stop, writes the report and
/// returns the summary.
public enum ServeRunner: Runner {
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
        /// Receives the startup line as soon as the server listens (a script reads the port from it).
        public var ready: @Sendable (String) -> Void = { _ in }
        /// Returns when the server is to stop (the CLI: on SIGINT or SIGTERM). Default: at once.
        public var until: @Sendable () async -> Void = {}

        /// Options with every default.
        public init() {}
    }

    /// What the server did, once stopped.
    public struct Outcome: RunnerOutcome {
        /// The counts: requests, misses, unused interactions, faults.
        public let summary: ReplaySummary
        /// Whether unused interactions count against the exit status.
        public let strict: Bool
        /// The summary as the command prints it.
        public var text: String { summary.text }
        /// 0, or 1 when a request missed or was refused (413, 400) (or, strict, an interaction was never used).
        public var exitStatus: ExitStatus { summary.status(strict: strict) }
    }

    /// Serves until ``Options/until`` returns, then writes the report; ``Options/ready`` receives the startup
    /// line as soon as the server listens.
    ///
    /// - Throws: ``RunnerError``: bad input (2) for a missing or malformed cassette or bad options,
    ///   unreachable (4) when the address cannot be bound.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let search = try cassetteFiles(options)
        let files = search.files
        try preflight(options, files: files)
        let summary: ReplaySummary
        do {
            summary = try await ReplayServer.withServer(cassettes: files, options: options.server) { server in
                options.ready(startupLine(server, cassettes: files.count, skipped: search.skippedPhrase))
                await options.until()
                return server.summary
            }
        } catch let error as ReplayServerError {
            throw RunnerError(error.message, status: error.cannotListen ? .unreachable : .badInput)
        } catch let error as CassetteError {
            throw RunnerError(error.description, status: .badInput)
        } catch let error as CassetteConfigurationError {
            throw RunnerError(error.description, status: .badInput)
        } catch {
            throw RunnerError("serve failed: \(error)", status: .internalError)
        }
        if let report = options.report {
            try ReportFiles.write(json: summary.json(strict: options.strict), to: report)
        }
        return Outcome(summary: summary, strict: options.strict)
    }

    /// Before anything is served: the report and the recording cassette can be written, and a recording is
    /// labelled truthfully (`live` only from AWS, no mock's answers in a `live` folder).
    static func preflight(_ options: Options, files: [URL]) throws(RunnerError) {
        try refuseReportOnStandardOutput(options.report, job: "serve")
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
        try OutputPaths().file("--report", options.report).refuse(overwriting: files, "one of the cassettes to serve")
    }

    /// `--report -` is refused: a server's standard output carries its URL line and its summary.
    static func refuseReportOnStandardOutput(_ report: String?, job: String) throws(RunnerError) {
        guard report == OutputPaths.standardOutput else { return }
        throw RunnerError(
            "--report -: \(job)'s standard output carries the URL line and the summary; give the report a file",
            status: .badInput
        )
    }

    /// `serving 3 cassettes (12 interactions) on http://127.0.0.1:PORT — point an SDK at it with --endpoint-url …`;
    /// `skipped` names the reports the folder search left out (``CassetteSearch/skippedPhrase``).
    package static func startupLine(_ server: ReplayServer, cassettes: Int, skipped: String = "") -> String {
        var line =
            "serving \(Plural.count(cassettes, "cassette")) (\(Plural.count(server.transport.interactionCount, "interaction"))) on \(server.baseURL)"
        line += skipped
        if let recorder = server.transport.recorder { line += ", recording misses into \(recorder.file.relativePath)" }
        return line + " — point an SDK at it with --endpoint-url \(server.baseURL)\n"
    }

    /// The cassette files to serve (and the reports the folder search skipped). With an upstream the first path
    /// is the cassette that records, and may not exist yet.
    static func cassetteFiles(_ options: Options) throws(RunnerError) -> CassetteSearch {
        let paths = options.paths.isEmpty ? ["Recordings"] : options.paths
        var files: [URL]
        let search: CassetteSearch
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
            search = try CassetteSearch.find(Array(paths.dropFirst()))
            let recording = OutputPaths.canonical(paths[0])
            files += search.files.filter { OutputPaths.canonical($0.path) != recording }  // it is first already
        } else {
            search = try CassetteSearch.find(paths)
            files = search.files
        }
        guard !files.isEmpty else {
            throw RunnerError(
                "\(paths.joined(separator: ", ")): no cassettes (*.json) found\(search.skippedPhrase); give cassette files or folders",
                status: .badInput
            )
        }
        return CassetteSearch(files: files, skippedReports: search.skippedReports)
    }
}
