import AWSWire
import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// What `ssm-contract proxy` runs: a recording proxy SDKs point `--endpoint-url` at. Each request loses the
/// SDK's signature and security token, is signed afresh for the upstream with the credentials the proxy
/// resolves itself, goes out through libcurl (no retries: the SDK under test retries), and is recorded with
/// the usual redaction; the SDK gets the upstream's answer byte for byte. With `--replay`, what those
/// cassettes answer is replayed instead of forwarded.
public enum ProxyRunner: Runner {
    /// The command's settings.
    public struct Options: Sendable {
        /// Where requests go: `https://ssm.REGION.amazonaws.com` (recorded as `live`) or a mock.
        public var upstream = ""
        /// The cassette to record into; it must not exist yet.
        public var record = ""
        /// Cassettes (files or folders) that answer first; what they cannot answer is forwarded.
        public var replay: [String] = []
        /// `mock:NAME@VERSION`, required when the upstream is not AWS; `live` (or nothing) for AWS.
        public var source: String?
        /// The signing region (default: from an AWS upstream's host name, else the AWS configuration).
        public var region: String?
        /// The profile whose credentials sign (default: the usual resolution).
        public var profile: String?
        /// The environment credentials and region are resolved from.
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// Address, port, faults, pacing, the body limit and the log; the upstream is ``upstream``.
        public var server = ReplayServerOptions()
        /// Where to write the JSON report when the proxy stops, if anywhere.
        public var report: String?
        /// Receives the startup line as soon as the proxy listens (a script reads the port from it).
        public var ready: @Sendable (String) -> Void = { _ in }
        /// Returns when the proxy is to stop (the CLI: on SIGINT or SIGTERM). Default: at once.
        public var until: @Sendable () async -> Void = {}

        /// Options with every default.
        public init() {}
    }

    /// What the proxy did, once stopped (its cassette written).
    public struct Outcome: RunnerOutcome {
        /// The counts: requests, forwarded, recorded, upstream failures, faults.
        public let summary: ReplaySummary
        /// The summary as the command prints it.
        public var text: String { summary.text }
        /// 0, or 1 when the upstream failed to answer or a request was refused (413, 400).
        public var exitStatus: ExitStatus { summary.status(strict: false) }
    }

    /// A running proxy (the replay server it is built on) and what it forwards to.
    public struct Proxy: Sendable {
        /// The server SDKs talk to.
        public let server: ReplayServer
        /// The upstream, `http(s)://host[:port]`.
        public let upstream: String
        /// The cassette being recorded.
        public let record: URL
        /// The source its recordings are labelled with.
        public let source: CassetteSource
        /// The reports the `--replay` folder search left out (``ReportFormat``), named in the startup line.
        public let skippedReports: [URL]
    }

    /// Checks everything, starts the proxy, runs `body`, stops, and writes the cassette (atomically), also
    /// when `body` throws.
    /// - Throws: ``RunnerError``: bad input (2) for a bad upstream, source, record or report path or replay cassette;
    ///   configuration (3) when no credentials or region resolve; unreachable (4) when the address cannot be
    ///   bound; what `body` throws.
    public static func withProxy<R: Sendable>(
        _ options: Options,
        _ body: @Sendable (Proxy) async throws -> R
    ) async throws -> R {
        let forwarding: UpstreamForwarding
        do {
            forwarding = try UpstreamForwarding(options.upstream, dropping: ReSigningTransport.signatureHeaders)
        } catch let error as ReplayServerError {
            throw RunnerError(error.message, status: .badInput)
        }
        let source = try LiveSource.resolve(explicit: options.source, endpoint: options.upstream)
        let record = try recordFile(options.record)
        let search = try options.replay.isEmpty ? nil : CassetteSearch.find(options.replay)
        let replay = search?.files ?? []
        // `--report` (written by ``run(_:)`` when the proxy stops) is checked now, before anything is proxied: a
        // writable path that is neither the cassette being recorded nor one being replayed.
        try ServeRunner.refuseReportOnStandardOutput(options.report, job: "proxy")
        try OutputPaths().file("--record", record.relativePath).file("--report", options.report).check()
        try OutputPaths().file("--report", options.report).refuse(overwriting: replay, "one of the cassettes to replay")
        let configuration = try signingConfiguration(options)
        var server = options.server
        server.upstream = forwarding.base
        server.recordingSource = source
        server.recordingRegion = configuration.region
        server.redaction = server.redaction.merging(
            RedactionOptions(credentialValues: configuration.credentials.secretValues)
        )
        let signer = SigV4Signer(region: configuration.region, service: "ssm")
        let credentials = configuration.credentials
        do {
            return try await CurlTransport.withCurlTransport { curl in
                let signing = ReSigningTransport(
                    upstream: curl,
                    signer: signer,
                    credentials: credentials,
                    clock: { Date() }
                )
                return try await ReplayServer.serve(
                    [record] + replay,
                    options: server,
                    upstream: signing,
                    forwarding: forwarding
                ) { replayServer in
                    try await body(
                        Proxy(
                            server: replayServer,
                            upstream: forwarding.base,
                            record: record,
                            source: source,
                            skippedReports: search?.skippedReports ?? []
                        )
                    )
                }
            }
        } catch let error as ReplayServerError {
            throw RunnerError(error.message, status: error.cannotListen ? .unreachable : .badInput)
        } catch let error as CassetteError {
            throw RunnerError(error.description, status: .badInput)
        } catch let error as CassetteConfigurationError {
            throw RunnerError(error.description, status: .badInput)
        }
    }

    /// Proxies until ``Options/until`` returns, then writes the report; ``Options/ready`` receives the startup
    /// line as soon as the proxy listens.
    /// - Throws: ``RunnerError`` as ``withProxy(_:_:)`` does.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let summary: ReplaySummary
        do {
            summary = try await withProxy(options) { proxy in
                options.ready(startupLine(proxy, replaying: options.replay.count))
                await options.until()
                return proxy.server.summary
            }
        } catch let error as RunnerError {
            throw error
        } catch {
            throw RunnerError("proxy failed: \(error)", status: .internalError)
        }
        if let report = options.report {
            try ReportFiles.write(
                Data((JSONWriter.string(summary.json(strict: false), style: .pretty) + "\n").utf8),
                to: report
            )
        }
        return Outcome(summary: summary)
    }

    /// `proxying http://127.0.0.1:PORT to UPSTREAM (source), recording into FILE — point an SDK at it with --endpoint-url …`
    package static func startupLine(_ proxy: Proxy, replaying: Int) -> String {
        var line =
            "proxying \(proxy.server.baseURL) to \(proxy.upstream) (\(proxy.source)), recording into \(proxy.record.relativePath)"
        if replaying > 0 {
            let replayed = proxy.server.transport.cassettes.count - 1
            line += ", replaying \(replayed) \(replayed == 1 ? "cassette" : "cassettes") first"
            line += ReportFormat.skippedPhrase(proxy.skippedReports.map(\.relativePath))
        }
        return line + " — point an SDK at it with --endpoint-url \(proxy.server.baseURL)\n"
    }

    /// The cassette to record into: a new file in an existing, writable folder (checked before anything is
    /// served, so nothing is proxied that cannot be kept).
    static func recordFile(_ path: String) throws(RunnerError) -> URL {
        guard !path.isEmpty else {
            throw RunnerError("--record PATH is required: the cassette the proxy records into", status: .badInput)
        }
        let file = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            throw RunnerError(
                isFolder.boolValue
                    ? "--record \(path) is a folder; give the cassette file to create, e.g. \(path)/session.json"
                    : "--record \(path) exists; the proxy records a new cassette: remove it, or give another path (replay it with --replay \(path))",
                status: .badInput
            )
        }
        let folder = file.deletingLastPathComponent().path
        // The folder as the user gave it (`recordings` for `recordings/x.json`), never the absolute path.
        let givenFolder = OutputPaths.folder(of: path)
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw RunnerError(
                "--record \(path): the folder \(givenFolder) does not exist; create it first",
                status: .badInput
            )
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw RunnerError(
                "--record \(path): the folder \(givenFolder) is not writable; choose another path",
                status: .badInput
            )
        }
        return file
    }

    /// The credentials and region that sign forwarded requests: the region from `--region`, else an AWS
    /// upstream's host name (`ssm.eu-west-1.amazonaws.com`), else the AWS configuration.
    static func signingConfiguration(_ options: Options) throws(RunnerError) -> AWSConfiguration {
        let inputs = AWSConfigurationInputs(
            environment: options.environment,
            profile: options.profile,
            region: options.region ?? regionInHost(options.upstream),
            endpointURL: options.upstream
        )
        do {
            return try AWSConfigurationResolver.resolve(inputs)
        } catch {
            throw RunnerError("proxy cannot sign for \(options.upstream): \(error.description)", status: .configuration)
        }
    }

    /// `eu-west-1` in `https://ssm.eu-west-1.amazonaws.com`; `nil` for any other host.
    static func regionInHost(_ url: String) -> String? {
        guard LiveSource.isAWS(url), let host = URLComponents(string: url)?.host else { return nil }
        let labels = host.split(separator: ".")
        guard labels.count >= 4, labels[0].hasPrefix("ssm") else { return nil }
        return String(labels[1])
    }
}

extension AWSCredentials {
    /// The values recording must never keep: access key id, secret and session token.
    var secretValues: [String] { [accessKeyID, secretAccessKey] + (sessionToken.map { [$0] } ?? []) }
}
