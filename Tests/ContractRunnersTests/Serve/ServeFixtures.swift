import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

/// Shared pieces of the replay-server tests.
enum ServeFixtures {
    static let commandID = "5b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d"
    static let instanceID = "i-0a1b2c3d4e5f60718"

    /// Runs `body` with a fresh temporary folder, removed afterwards.
    static func withTemporaryFolder<R>(_ body: (URL) async throws -> R) async throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// A GetCommandInvocation response body in the shape AWS sends, for `status`.
    static func invocation(_ status: String, output: String = "") -> JSONValue {
        let finished = status == "Success"
        return .object(
            JSONObject([
                "CommandId": .string(commandID), "InstanceId": .string(instanceID), "Comment": "",
                "DocumentName": "AWS-RunShellScript", "DocumentVersion": "$DEFAULT", "PluginName": "aws:runShellScript",
                "ResponseCode": .number(JSONNumber(finished ? 0 : -1)),
                "ExecutionStartDateTime": .string(status == "Pending" ? "" : "2026-11-21T08:00:00.123Z"),
                "ExecutionElapsedTime": .string(finished ? "PT2.44S" : ""),
                "ExecutionEndDateTime": .string(finished ? "2026-11-21T08:00:02.123Z" : ""),
                "Status": .string(status), "StatusDetails": .string(status == "InProgress" ? "InProgress" : status),
                "StandardOutputContent": .string(output), "StandardOutputUrl": "", "StandardErrorContent": "",
                "StandardErrorUrl": "",
                "CloudWatchOutputConfig": .object(
                    JSONObject([
                        "CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false,
                    ])
                ),
            ])
        )
    }

    /// One awsJson1_1 interaction: `operation` with `request`, answered 200 with `response`.
    static func interaction(
        _ operation: String,
        request: JSONValue,
        response: JSONValue,
        extraHeaders: HTTPHeaders = [:]
    ) -> Interaction {
        var headers: HTTPHeaders = [
            "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": UUID().uuidString.lowercased(),
        ]
        for field in extraHeaders { headers.add(name: field.name, value: field.value) }
        return Interaction(
            request: RecordedRequest(
                method: "POST",
                url: "https://ssm.us-east-1.amazonaws.com/",
                headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.\(operation)"],
                body: .json(request)
            ),
            response: RecordedResponse(status: 200, headers: headers, body: .json(response)),
            startedAt: "2026-11-21T08:00:00.000Z",
            duration: 0.01
        )
    }

    /// The request of a GetCommandInvocation poll for the fixture's command.
    static let pollRequest: JSONValue = .object(
        JSONObject(["CommandId": .string(commandID), "InstanceId": .string(instanceID)])
    )

    /// A synthetic cassette (the header says so) holding a CommandExecuted polling sequence:
    /// Pending → InProgress → Success.
    static func writePollingCassette(in folder: URL, name: String = "polling.json") throws -> URL {
        let statuses = ["Pending", "InProgress", "Success"]
        let header = CassetteHeader(
            source: .synthetic,
            recordedAt: "2026-11-21T08:00:00.000Z",
            region: "us-east-1",
            description:
                "synthetic polling sequence written by the replay-server tests (Pending, InProgress, Success); not observed anywhere"
        )
        let cassette = Cassette(
            header: header,
            interactions: statuses.map {
                interaction(
                    "GetCommandInvocation",
                    request: pollRequest,
                    response: invocation($0, output: $0 == "Success" ? "hello\n" : "")
                )
            }
        )
        let url = folder.appendingPathComponent(name)
        try cassette.save(to: url)
        return url
    }

    /// The interaction's request, sent again to `baseURL` (same path and query, without the recorded `Host`).
    static func replayRequest(_ interaction: Interaction, to baseURL: String) -> HTTPRequest {
        var request = interaction.request.httpRequest
        let parts = URLComponents(string: request.url)
        request.url =
            baseURL + (parts?.percentEncodedPath.isEmpty == false ? parts!.percentEncodedPath : "/")
            + (parts?.percentEncodedQuery.map { "?" + $0 } ?? "")
        request.headers.remove(name: "Host")
        return request
    }

    /// The recorded response headers a client must receive: all but the hop-by-hop ones, plus the
    /// `Content-Length` the server adds when the recording has none.
    static func expectedHeaders(_ response: RecordedResponse) -> [String] {
        let hopByHop: Set<String> = ["connection", "keep-alive", "transfer-encoding"]
        var fields = response.headers.filter { !hopByHop.contains($0.name.lowercased()) }.map {
            "\($0.name): \($0.value)"
        }
        if !response.headers.contains(name: "Content-Length") {
            fields.append("Content-Length: \(response.body.data.count)")
        }
        return fields
    }

    /// The venv's program, or a failed requirement naming what to install.
    static func venvProgram(_ name: String) throws -> String {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        return PythonTools.program(name).path
    }

    /// Parses JSON text (AWS CLI output, a response body).
    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Data(text.utf8)) }
}
