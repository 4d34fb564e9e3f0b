import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import SSMOperations

/// `ssm-contract check-cli`: runs the skeleton contracts against an external AWS CLI, pointed at a local endpoint
/// that counts every request it receives (and answers with ``SkeletonRunner/outputValue(for:in:)``).
public enum CheckCLIRunner {
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

    /// Runs every check for `operations` (CLI names; all modelled operations when empty).
    public static func run(
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
    /// The pre-flight check of `--json` and `--junit`, before the CLI is run.
    public static func outputPaths(json: String?, junit: String?) -> OutputPaths {
        ReportFiles.paths(json: json, junit: junit)
    }

    /// Writes the JSON and JUnit forms of `report` (each only when a path is given; `-` is standard output),
    /// atomically.
    public static func write(_ report: CheckCLIReport, json: String?, junit: String?) throws(RunnerError) {
        try ReportFiles.write(json: report.json, to: json)
        if let junit { try ReportFiles.write(Data(report.junit.utf8), to: junit) }
    }
}
