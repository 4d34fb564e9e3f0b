import ContractEngine
import RawJSON
import Testing

/// Behaviour real AWS shows (docs/aws-behaviour.md) must never fail a contract, except where the policy says a
/// published value is a violation whatever its source (docs/aws-behaviour.md#policy: a value outside a modeled enum,
/// a misspelled error code, a limit the docs and the model both state). Each sample is a body as `check` reads it
/// (raw wire or CLI output), rebuilt from the shapes the evidence describes.
struct GenuineSample: Sendable, CustomTestStringConvertible {
    let name: String
    let operation: String
    let body: String
    var request: String?
    /// Contracts allowed (and expected) to be inconclusive on this sample.
    var inconclusive: Set<String> = []
    /// Contracts the policy says this published value violates (and that must fail on it).
    var fails: Set<String> = []

    var testDescription: String { name }
}

@Suite struct GenuineBehaviourTests {
    static let cmd = "\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\",\"InstanceId\":\"i-0abcdef1234567890\""
    static let japanese = String(repeating: "日本", count: 3996) + "日\u{FFFD}--output truncated--"

    static let samples: [GenuineSample] = [
        GenuineSample(
            name: "2017 association run: SUCCESS, PluginName \"\", ResponseCode -1, no StatusDetails",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"Comment\":\"\",\"DocumentName\":\"AWS-RefreshAssociation\",\"PluginName\":\"\",\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"\",\"ExecutionElapsedTime\":\"\",\"ExecutionEndDateTime\":\"\",\"Status\":\"SUCCESS\",\"StandardOutputContent\":\"\",\"StandardOutputUrl\":\"\",\"StandardErrorContent\":\"\",\"StandardErrorUrl\":\"\"}",
            fails: ["status.invocation-enum"]
        ),
        GenuineSample(
            name: "Failed + Undeliverable, ResponseCode -1",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"DocumentName\":\"AWS-RunShellScript\",\"DocumentVersion\":\"\",\"PluginName\":\"aws:runShellScript\",\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"\",\"ExecutionElapsedTime\":\"\",\"ExecutionEndDateTime\":\"\",\"Status\":\"Failed\",\"StatusDetails\":\"Undeliverable\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "TimedOut + Undeliverable",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"\",\"ExecutionEndDateTime\":\"\",\"Status\":\"TimedOut\",\"StatusDetails\":\"Undeliverable\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "Pending + Delayed",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"\",\"ExecutionElapsedTime\":\"\",\"ExecutionEndDateTime\":\"\",\"Status\":\"Pending\",\"StatusDetails\":\"Delayed\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "TimedOut + ExecutionTimedOut, 137, one hour, empty output",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":137,\"ExecutionStartDateTime\":\"2021-03-01T10:00:00.125Z\",\"ExecutionElapsedTime\":\"PT1H0.271S\",\"ExecutionEndDateTime\":\"2021-03-01T11:00:00.125Z\",\"Status\":\"TimedOut\",\"StatusDetails\":\"ExecutionTimedOut\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\",\"CloudWatchOutputConfig\":{\"CloudWatchLogGroupName\":\"\",\"CloudWatchOutputEnabled\":false}}"
        ),
        GenuineSample(
            name: "InProgress, -1, end \"\"",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"2021-03-01T10:00:00.125Z\",\"ExecutionElapsedTime\":\"PT2.44S\",\"ExecutionEndDateTime\":\"\",\"Status\":\"InProgress\",\"StatusDetails\":\"InProgress\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "InProgress without ResponseCode",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ExecutionStartDateTime\":\"\",\"ExecutionEndDateTime\":\"\",\"Status\":\"InProgress\",\"StatusDetails\":\"In Progress\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "Success with empty stdout, sub-second run with end == start",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":0,\"ExecutionStartDateTime\":\"2020-02-19T18:18:03.419Z\",\"ExecutionElapsedTime\":\"PT0.005S\",\"ExecutionEndDateTime\":\"2020-02-19T18:18:03.419Z\",\"Status\":\"Success\",\"StatusDetails\":\"Success\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\",\"DocumentVersion\":\"\",\"CloudWatchOutputConfig\":{\"CloudWatchLogGroupName\":\"\",\"CloudWatchOutputEnabled\":false}}"
        ),
        GenuineSample(
            name: "Failed with exit status 2 and the agent's stderr line",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":2,\"ExecutionStartDateTime\":\"2020-02-19T18:18:03.419Z\",\"ExecutionElapsedTime\":\"PT2.44S\",\"ExecutionEndDateTime\":\"2020-02-19T18:18:05.419Z\",\"Status\":\"Failed\",\"StatusDetails\":\"Failed\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"failed to run commands: exit status 2\"}"
        ),
        GenuineSample(
            name: "stdout of 10,000 × 日本 cut by the agent (8,014 characters, U+FFFD before the marker)",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":0,\"ExecutionStartDateTime\":\"2020-02-19T18:18:03.419Z\",\"ExecutionElapsedTime\":\"PT0.5S\",\"ExecutionEndDateTime\":\"2020-02-19T18:18:03.419Z\",\"Status\":\"Success\",\"StatusDetails\":\"Success\",\"StandardOutputContent\":\"\(japanese)\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "stderr of 9,000 characters (within what the agent sends, over the documented and modeled 8,000)",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":1,\"ExecutionStartDateTime\":\"2020-02-19T18:18:03.419Z\",\"ExecutionElapsedTime\":\"PT0.5S\",\"ExecutionEndDateTime\":\"2020-02-19T18:18:03.419Z\",\"Status\":\"Failed\",\"StatusDetails\":\"Failed\",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\"\(String(repeating: "e", count: 9000))\"}",
            fails: ["output.stderr-limit"]
        ),
        GenuineSample(
            name: "Cancelled with the UG's Canceled spelling, Windows -1",
            operation: "get-command-invocation",
            body:
                "{\(cmd),\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"2020-02-19T18:18:03.419Z\",\"ExecutionElapsedTime\":\"PT3.5S\",\"ExecutionEndDateTime\":\"2020-02-19T18:18:06.419Z\",\"Status\":\"Cancelled\",\"StatusDetails\":\"Canceled\",\"StandardOutputContent\":\"partial\",\"StandardErrorContent\":\"\"}"
        ),
        GenuineSample(
            name: "raw wire ListCommandInvocations: alphabetical keys, exponent timestamps, CommandPlugins []",
            operation: "list-command-invocations",
            body:
                "{\"CommandInvocations\":[{\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\",\"CommandPlugins\":[],\"Comment\":\"\",\"DocumentName\":\"AWS-RunPatchBaseline\",\"DocumentVersion\":\"$DEFAULT\",\"InstanceId\":\"i-0abcdef1234567890\",\"InstanceName\":\"web-1\",\"NotificationConfig\":{\"NotificationArn\":\"\",\"NotificationEvents\":[],\"NotificationType\":\"\"},\"RequestedDateTime\":1.54208164084E9,\"ServiceRole\":\"\",\"StandardErrorUrl\":\"\",\"StandardOutputUrl\":\"\",\"Status\":\"Success\",\"StatusDetails\":\"Success\",\"TraceOutput\":\"\"}]}",
            request: "{\"Filters\":[{\"key\":\"DocumentName\",\"value\":\"AWS-RunPatchBaseline\"}]}"
        ),
        GenuineSample(
            name: "CLI v2 ListCommandInvocations --details: ISO-8601 timestamps with offsets",
            operation: "list-command-invocations",
            body: """
                {"CommandInvocations": [{"CommandId": "1a2b3c4d-1234-4abc-9def-0123456789ab", "InstanceId": "mi-0123456789abcdef0",
                  "RequestedDateTime": "2021-02-05T13:37:00.000000+01:00", "Status": "Failed", "StatusDetails": "Failed",
                  "CommandPlugins": [{"Name": "runShellScript", "Status": "Failed", "StatusDetails": "Failed", "ResponseCode": 1,
                    "ResponseStartDateTime": "2021-02-05T13:37:00.412000+01:00", "ResponseFinishDateTime": "2021-02-05T13:37:01.020000+01:00",
                    "Output": "\\n----------ERROR-------\\nboom", "OutputS3BucketName": "", "OutputS3KeyPrefix": "", "OutputS3Region": "eu-west-1"}]}]}
                """,
            request: "{\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\",\"Details\":true}",
            inconclusive: ["list.plugin-name"]
        ),
        GenuineSample(
            name: "2016 ListCommandInvocations without StatusDetails",
            operation: "list-command-invocations",
            body:
                "{\"CommandInvocations\":[{\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\",\"InstanceId\":\"i-0abcdef1\",\"DocumentName\":\"AWS-RunShellScript\",\"RequestedDateTime\":1466000000.123,\"Status\":\"Success\",\"TraceOutput\":\"\",\"CommandPlugins\":[]}]}"
        ),
        GenuineSample(
            name: "the reporter's typo InvocationDoesNoyExist (boto3#2701)",
            operation: "get-command-invocation",
            body: "{\"__type\":\"InvocationDoesNoyExist\"}",
            fails: ["errors.documented"]
        ),
        GenuineSample(
            name: "namespaced error code",
            operation: "get-command-invocation",
            body: "{\"__type\":\"com.amazonaws.ssm#InvocationDoesNotExist\",\"message\":\"\"}"
        ),
        GenuineSample(
            name: "throttling",
            operation: "list-command-invocations",
            body: "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
        ),
        GenuineSample(
            name: "the AWS CLI's error line",
            operation: "get-command-invocation",
            body: "\nAn error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation: \n"
        ),
    ]

    @Test(arguments: samples)
    func genuineAWSBehaviourFailsOnlyWhatThePolicySays(_ sample: GenuineSample) throws {
        let operation = OperationName.wire(fromCLI: sample.operation)
        let request = try sample.request.map { try ResponseDocument.request(Array($0.utf8), file: "request") }
        let observation = try ResponseDocument.observation(
            Array(sample.body.utf8),
            operation: operation,
            request: request,
            file: "sample"
        )
        let report = Fixtures.report([observation])
        #expect(Fixtures.failing(report) == sample.fails, "\(Fixtures.failing(report).sorted())")
        let inconclusive = Set(report.rows.filter { $0.verdict == .inconclusive }.map(\.contract.id))
        #expect(inconclusive == sample.inconclusive)
    }

    @Test func agentByteCountingMatchesTheAgentsCut() {
        #expect(Self.japanese.unicodeScalars.count == 8014)
        #expect(TextMeasure.agentBytes(Self.japanese) == 24_000)
        #expect(Self.japanese.utf8.count == 24_002)
        #expect(TextMeasure.agentBytes(String(repeating: "é", count: 12_000)) == 24_000)
    }

    @Test func timeFormats() {
        func iso(_ s: String) -> TimeValue? {
            var copy = s
            return copy.withUTF8 { TimeValue.parseISO8601($0) }
        }
        #expect(iso("2020-02-19T18:18:03.419Z")?.isUTC == true)
        #expect(iso("2021-02-05T13:37:00.000000+01:00")?.epochSeconds == 1_612_528_620)
        #expect(iso("2026-11-21T07:24:45.996989")?.hasZone == false)
        #expect(iso("2017-06-7") == nil)
        func duration(_ s: String) -> Double? {
            var c = s
            return c.withUTF8 { TimeValue.parseDuration($0) }
        }
        #expect(duration("PT1H0.271S") == 3600.271)
        #expect(duration("PT0S") == 0)
        #expect(duration("PT5M") == 300)
        #expect(duration("P") == nil)
        #expect(duration("PT") == nil)
        #expect(duration("5M") == nil)
        #expect(TimeValue.instant(.number(JSONNumber(literal: "1.54208164084E9"))) == 1_542_081_640.84)
    }
}
