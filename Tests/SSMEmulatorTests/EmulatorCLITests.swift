import AWSWire
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import SSMEmulator
import TestSupport
import Testing

/// The venv's AWS CLI against the emulator: pagination, AWS-shaped errors, SigV4 checks.
@Suite(.timeLimit(.minutes(2))) struct EmulatorCLITests {
    static let instances = [EmulatorFixtures.instance, EmulatorFixtures.second, EmulatorFixtures.third]

    /// Sends `echo hi` to `instances` with the CLI and returns the command id once every invocation is listed.
    static func sendAndWaitUntilListed(_ endpoint: String, instances: [String] = instances) async throws -> String {
        let sent = try await EmulatorFixtures.aws(
            [
                "send-command", "--document-name", "AWS-RunShellScript", "--parameters", #"commands=["echo hi"]"#,
                "--instance-ids",
            ] + instances,
            endpoint: endpoint
        )
        #expect(sent.status == 0, "\(sent.stderr)")
        let commandID = try #require(EmulatorFixtures.json(sent.stdout)["Command"]?["CommandId"]?.stringValue)
        for _ in 0..<20 {
            let listed = try await EmulatorFixtures.aws(
                ["list-command-invocations", "--command-id", commandID],
                endpoint: endpoint
            )
            if try EmulatorFixtures.json(listed.stdout)["CommandInvocations"]?.arrayValue?.count == instances.count {
                return commandID
            }
        }
        Issue.record("the invocations never became visible")
        return commandID
    }

    @Test func pagesHoldMaxResultsAndTheCLIFollowsTheTokens() async throws {
        try await SSMEmulator.withEmulator(options: EmulatorFixtures.options(Self.instances)) { emulator in
            let url = emulator.baseURL
            let commandID = try await Self.sendAndWaitUntilListed(url)
            let all = try await EmulatorFixtures.aws(
                ["list-command-invocations", "--command-id", commandID, "--page-size", "1"],
                endpoint: url
            )
            let listed = try EmulatorFixtures.json(all.stdout)["CommandInvocations"]?.arrayValue ?? []
            #expect(
                listed.compactMap { $0["InstanceId"]?.stringValue } == Self.instances,
                "every page followed, none repeated"
            )
            let tooMany = try await EmulatorFixtures.aws(
                ["list-command-invocations", "--no-paginate", "--max-results", "51"],
                endpoint: url
            )
            #expect(tooMany.status != 0)
            #expect(
                tooMany.stderr.contains(
                    "An error occurred (ValidationException) when calling the ListCommandInvocations operation: 1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50"
                ),
                "\(tooMany.stderr)"
            )

            let pages = try await EmulatorFixtures.boto3(
                """
                cid = sys.argv[2]
                first = ssm.list_command_invocations(CommandId=cid, MaxResults=1)
                second = ssm.list_command_invocations(CommandId=cid, MaxResults=1, NextToken=first["NextToken"])
                def code(call):
                    try:
                        call()
                    except ClientError as error:
                        return [error.response["Error"]["Code"], error.response["Error"].get("Message")]
                emit({"first": [i["InstanceId"] for i in first["CommandInvocations"]],
                      "second": [i["InstanceId"] for i in second["CommandInvocations"]],
                      "bad": code(lambda: ssm.list_command_invocations(CommandId=cid, NextToken="not-a-token")),
                      "foreign": code(lambda: ssm.list_command_invocations(NextToken=first["NextToken"]))})
                """,
                endpoint: url,
                arguments: [commandID]
            )
            #expect(pages["first"] == .array([.string(Self.instances[0])]))
            #expect(pages["second"] == .array([.string(Self.instances[1])]))
            #expect(pages["bad"] == .array(["InvalidNextToken", "The specified token is not valid."]))
            #expect(pages["foreign"]?[0] == "InvalidNextToken", "a token of another listing is refused")
        }
    }

    @Test func errorsAreShapedAsAWSShapesThem() async throws {
        try await SSMEmulator.withEmulator(options: EmulatorFixtures.options(Self.instances)) { emulator in
            let url = emulator.baseURL
            let unknown = try await EmulatorFixtures.aws(
                [
                    "get-command-invocation", "--command-id", "00000000-0000-4000-8000-000000000000", "--instance-id",
                    EmulatorFixtures.instance,
                ],
                endpoint: url
            )
            #expect(unknown.status == 255, "AWS CLI v1 exits 255 on a service error")
            #expect(
                unknown.stderr
                    == "\nAn error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation: \n",
                "\(unknown.stderr)"
            )
            let errors = try await EmulatorFixtures.boto3(
                """
                def code(call):
                    try:
                        call()
                    except ClientError as error:
                        return [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
                cid = send(["echo hi"], [sys.argv[2]])
                poll(cid, sys.argv[2])
                emit({
                    "notSent": code(lambda: ssm.get_command_invocation(CommandId=cid, InstanceId=sys.argv[3])),
                    "plugin": code(lambda: ssm.get_command_invocation(CommandId=cid, InstanceId=sys.argv[2], PluginName="aws:runPowerShellScript")),
                    "stage": code(lambda: ssm.list_command_invocations(Filters=[{"key": "ExecutionStage", "value": "Executing"}])),
                    "stranger": code(lambda: send(["id"], ["i-0999999999999999f"])),
                    "document": code(lambda: ssm.send_command(InstanceIds=[sys.argv[2]], DocumentName="AWS-RunPowerShellScript", Parameters={"commands": ["dir"]})),
                    "cancelUnknown": code(lambda: ssm.cancel_command(CommandId="00000000-0000-4000-8000-000000000000")),
                })
                """,
                endpoint: url,
                arguments: [EmulatorFixtures.instance, EmulatorFixtures.second]
            )
            #expect(errors["notSent"] == .array(["InvocationDoesNotExist", .number(JSONNumber(400))]))
            #expect(errors["plugin"] == .array(["InvalidPluginName", .number(JSONNumber(400))]))
            #expect(errors["stage"] == .array(["InvalidFilterKey", .number(JSONNumber(400))]))
            #expect(errors["stranger"] == .array(["InvalidInstanceId", .number(JSONNumber(400))]))
            #expect(errors["document"] == .array(["InvalidDocument", .number(JSONNumber(400))]))
            #expect(errors["cancelUnknown"] == .array(["InvalidCommandId", .number(JSONNumber(400))]))

            try await CurlTransport.withCurlTransport { curl in
                let response = try await curl.send(
                    HTTPRequest(
                        method: "POST",
                        url: url + "/",
                        headers: [
                            "X-Amz-Target": "AmazonSSM.DeleteEverything", "Content-Type": "application/x-amz-json-1.1",
                        ],
                        body: Data("{}".utf8)
                    )
                )
                #expect(response.status == 400)
                #expect(String(decoding: response.body, as: UTF8.self) == #"{"__type":"UnknownOperationException"}"#)
                #expect(response.headers["Content-Type"] == "application/x-amz-json-1.1")
                #expect(response.headers["x-amzn-RequestId"]?.count == 36)
            }
        }
    }

    @Test func rightAfterSendCommandTheInvocationDoesNotExistYet() async throws {
        // The eventual-consistency window (7 emulated seconds here) ends when the test opens the gate.
        let gate = Gate()
        var options = EmulatorFixtures.options(visibilityWindow: 7)
        options.clock = gate.clock(gating: 7)
        let (early, later) = try await SSMEmulator.withEmulator(options: options) { emulator in
            let early = try await EmulatorFixtures.boto3(
                """
                cid = send(["echo hi"], [sys.argv[2]])
                emit({"cid": cid, "early": get(cid, sys.argv[2]),
                      "listed": ssm.list_command_invocations(CommandId=cid)["CommandInvocations"]})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance]
            )
            gate.open()
            let later = try await EmulatorFixtures.boto3(
                """
                emit({"polls": poll(sys.argv[3], sys.argv[2])})
                """,
                endpoint: emulator.baseURL,
                arguments: [EmulatorFixtures.instance, early["cid"]?.stringValue ?? ""]
            )
            return (early, later)
        }
        #expect(early["early"]?["error"]?.stringValue == "InvocationDoesNotExist")
        #expect(early["early"]?["status"]?.intValue == 400)
        #expect(early["listed"]?.arrayValue?.isEmpty == true, "ListCommandInvocations answers 200 with an empty list")
        #expect(later["polls"]?.arrayValue?.last?["Status"]?.stringValue == "Success")
    }

    @Test func withSigV4ChecksOnlyTheKnownKeyAndSecretGetIn() async throws {
        let known = AWSCredentials(accessKeyID: "AKIDEMULATORTEST", secretAccessKey: "emulator-test-secret")
        var options = EmulatorFixtures.options()
        options.verifiedCredentials = [known]
        try await SSMEmulator.withEmulator(options: options) { emulator in
            func describe(key: String, secret: String) async throws -> ExternalCLI.Run {
                try await EmulatorFixtures.aws(
                    ["describe-instance-information"],
                    endpoint: emulator.baseURL,
                    environment: ["AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret]
                )
            }
            let signed = try await describe(key: known.accessKeyID, secret: known.secretAccessKey)
            #expect(signed.status == 0, "\(signed.stderr)")
            #expect(
                try EmulatorFixtures.json(signed.stdout)["InstanceInformationList"]?[0]?["InstanceId"]?.stringValue
                    == EmulatorFixtures.instance
            )
            let wrongKey = try await describe(key: "AKIDSOMEONEELSE", secret: known.secretAccessKey)
            #expect(
                wrongKey.stderr.contains(
                    "An error occurred (UnrecognizedClientException) when calling the DescribeInstanceInformation operation: The security token included in the request is invalid."
                ),
                "\(wrongKey.stderr)"
            )
            let wrongSecret = try await describe(key: known.accessKeyID, secret: "not-the-secret")
            #expect(
                wrongSecret.stderr.contains(
                    "An error occurred (InvalidSignatureException) when calling the DescribeInstanceInformation operation: The request signature we calculated does not match the signature you provided."
                ),
                "\(wrongSecret.stderr)"
            )
            try await CurlTransport.withCurlTransport { curl in
                let unsigned = try await curl.send(
                    HTTPRequest(
                        method: "POST",
                        url: emulator.baseURL + "/",
                        headers: [
                            "X-Amz-Target": "AmazonSSM.DescribeInstanceInformation",
                            "Content-Type": "application/x-amz-json-1.1",
                        ],
                        body: Data("{}".utf8)
                    )
                )
                #expect(
                    unsigned.status == 400
                        && String(decoding: unsigned.body, as: UTF8.self).contains(
                            "MissingAuthenticationTokenException"
                        )
                )
            }
        }
    }

    @Test func aHostBeyondLoopbackIsRefusedWithoutSignatureChecks() async throws {
        var options = EmulatorFixtures.options()
        options.host = "0.0.0.0"
        await #expect {
            try await SSMEmulator.withEmulator(options: options) { _ in }
        } throws: { error in
            (error as? EmulatorError)?.kind == .badOptions
                && "\(error)".hasPrefix("--host 0.0.0.0 is not loopback: the emulator runs the commands clients send")
        }
    }
}
