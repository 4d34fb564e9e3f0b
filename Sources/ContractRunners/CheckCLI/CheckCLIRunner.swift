import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import SSMOperations

/// `ssm-contract check-cli`: runs the skeleton contracts against an external AWS CLI, pointed at a local endpoint
/// that counts every request it receives (and answers with ``SkeletonRunner/outputValue(for:in:)``).
public enum CheckCLIRunner: Runner {
    /// The options of a check-cli run.
    public struct Options: Sendable {
        /// `--aws`: the AWS CLI to check (default ``ExternalCLI/defaultPath()``).
        public var aws: String?
        /// Extra environment for the CLI (the region and fake credentials are always set).
        public var environment: [String: String] = [:]
        /// `--timeout`: seconds each CLI run may take.
        public var timeout = ExternalCLI.defaultTimeout
        /// Operations to check, by CLI name (default: every modelled operation).
        public var operations: [String] = []
        /// The SSM model the skeletons come from.
        public var model = SSMShapeModel.bundled
        /// `--json FILE|-`.
        public var json: String?
        /// `--junit FILE|-`.
        public var junit: String?
        /// Receives the CLI's version line, then each result as soon as it is known.
        public var progress: @Sendable (Progress) -> Void = { _ in }

        /// Options with every default.
        public init() {}
    }

    /// What a run found and how it ends.
    public struct Outcome: RunnerOutcome {
        /// Every result.
        public let report: CheckCLIReport
        /// The summary (the result lines went to ``Options/progress`` as they were known).
        public var text: String { report.summaryText }
        /// 0 every check held, 1 a check failed.
        public var exitStatus: ExitStatus { report.exitStatus }
    }

    /// The checks, by id, with the contract each enforces.
    public static let checks: [(id: String, contract: String)] = [
        (
            "input-skeleton-members",
            "--generate-cli-skeleton input lists exactly the operation's input members, in model order, with typed placeholders"
        ),
        ("input-skeleton-no-request", "--generate-cli-skeleton input sends no API request"),
        (
            "input-skeleton-accepted",
            "the input skeleton is accepted back through --cli-input-json (no unknown or mistyped parameter)"
        ),
        (
            "filled-input-sent",
            "the skeleton filled with valid values is sent as one request with exactly those members"
        ),
        (
            "output-skeleton-valid",
            "--generate-cli-skeleton output returns a sample that satisfies the output shape's constraints"
        ),
        ("output-skeleton-no-request", "--generate-cli-skeleton output sends no API request"),
    ]

    /// What a run reports as it goes: the CLI's version line once it is known, then each result as soon as it
    /// is known (the report's own lines: ``CheckCLIReport/headerLine(cli:version:)``, ``CheckCLIReport/line(for:)``).
    public enum Progress: Sendable {
        case started(cli: String, version: String)
        case result(CLICheckResult)
    }

    /// Checks the report paths, resolves the CLI, runs every check, and writes the JSON and JUnit reports.
    ///
    /// - Throws: ``RunnerError``: bad input (2) for an unknown operation or an unwritable report path,
    ///   unreachable (4) when the CLI cannot be run or does not answer in time.
    public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        try ReportFiles.paths(json: options.json, junit: options.junit).check()
        var cli = try ExternalCLI(path: options.aws ?? ExternalCLI.defaultPath(), environment: options.environment)
        cli.timeout = options.timeout
        let report = try await check(
            cli: cli,
            operations: options.operations,
            model: options.model,
            progress: options.progress
        )
        try write(report, json: options.json, junit: options.junit)
        return Outcome(report: report)
    }

    /// Runs every check for `operations` (CLI names; all modelled operations when empty).
    package static func check(
        cli: ExternalCLI,
        operations names: [String],
        model: SSMShapeModel = .bundled,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws(RunnerError) -> CheckCLIReport {
        var selected: [SSMShapeModel.Operation] = []
        for name in names.isEmpty ? model.operations.map(\.cliName).sorted() : names {
            selected.append(try SkeletonRunner.operation(name, in: model))
        }
        let operations = selected
        let version = try await cli.run(["--version"])
        guard version.status == 0 else {
            throw RunnerError(
                "the AWS CLI \(cli.path) does not run: `--version` exited \(version.status): \(version.firstErrorLine)",
                status: .unreachable
            )
        }
        let versionLine =
            (version.stdout + version.stderr).split(separator: "\n").first.map(String.init) ?? "unknown version"
        progress(.started(cli: cli.path, version: versionLine))
        let handler = responder(model)
        do {
            return try await CountingEndpoint.with(handler: handler) { endpoint in
                var session = Session(cli: cli, endpoint: endpoint, model: model)
                session.onResult = { progress(.result($0)) }
                var results: [CLICheckResult] = []
                for operation in operations { results += try await session.check(operation) }
                return CheckCLIReport(
                    cli: cli.path,
                    cliVersion: versionLine,
                    results: results,
                    skeletonRuns: session.skeletonRuns,
                    skeletonRunRequests: session.skeletonRunRequests,
                    commandRuns: session.commandRuns,
                    commandRunRequests: session.commandRunRequests
                )
            }
        } catch let error as RunnerError {
            throw error
        } catch {
            throw RunnerError("the counting endpoint failed: \(error)", status: .unreachable)
        }
    }

    /// The endpoint's answers: the sample output of the operation named in `X-Amz-Target`, as a last page.
    static func responder(_ model: SSMShapeModel) -> @Sendable (HTTPRequest) -> HTTPResponse {
        { request in
            let target = request.headers["X-Amz-Target"] ?? ""
            let name = target.split(separator: ".").last.map(String.init) ?? ""
            let headers: HTTPHeaders = [
                "Content-Type": "application/x-amz-json-1.1",
                "x-amzn-RequestId": "00000000-0000-4000-8000-000000000000",
            ]
            guard target.hasPrefix(model.source.targetPrefix + "."), let operation = model.operation(named: name),
                let body = try? SkeletonRunner.outputValue(for: operation, in: model)
            else {
                let error: JSONValue = [
                    "__type": "UnknownOperationException",
                    "message": .string("ssm-contract's counting endpoint does not model \(target)"),
                ]
                return HTTPResponse(status: 400, headers: headers, body: JSONWriter.data(error))
            }
            // The last page: no NextToken, or a paginating CLI would ask for the same page again.
            var lastPage = body.objectValue ?? JSONObject()
            lastPage["NextToken"] = nil
            return HTTPResponse(status: 200, headers: headers, body: JSONWriter.data(.object(lastPage)))
        }
    }
}

extension CheckCLIRunner {
    /// Writes the JSON and JUnit forms of `report` (each only when a path is given; `-` is standard output),
    /// atomically.
    package static func write(_ report: CheckCLIReport, json: String?, junit: String?) throws(RunnerError) {
        try ReportFiles.write(json: report.json, to: json)
        if let junit { try ReportFiles.write(Data(report.junit.utf8), to: junit) }
    }
}
