import Foundation
import RawJSON
import SSMOperations
import TestSupport
import Testing

@testable import ContractRunners

/// The AWS CLI v1 from the pinned venv, as the oracle for input skeletons.
enum AWSCLIOracle {
    /// Runs `aws ssm OPERATION --generate-cli-skeleton input` in the venv's Python with `random.choice` pinned to the
    /// first element: the CLI picks enum placeholders at random, ssm-contract picks the first.
    static func pinnedInputSkeleton(_ operation: String) async throws -> String {
        let python = try ExternalCLI(path: PythonTools.program("python").path)
        let program =
            "import random, sys; random.choice = lambda seq: seq[0]; from awscli.clidriver import main; sys.exit(main())"
        let run = try await python.run(["-c", program, "ssm", operation, "--generate-cli-skeleton", "input"])
        try #require(run.status == 0, Comment(rawValue: run.stderr))
        return run.stdout
    }

    /// The unmodified `aws` of the venv.
    static func aws() throws -> ExternalCLI { try ExternalCLI(path: PythonTools.program("aws").path) }
}

@Suite(.timeLimit(.minutes(5))) struct SkeletonTests {
    static let operations = SSMShapeModel.bundled.cliNames
    let model = SSMShapeModel.bundled

    @Test(arguments: operations)
    func inputIsByteIdenticalToAWSCLIv1(operation: String) async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let ours = try SkeletonRunner.render(operation: operation, kind: .input)
        let theirs = try await AWSCLIOracle.pinnedInputSkeleton(operation)
        #expect(Array(ours.utf8) == Array(theirs.utf8), "ours:\n\(ours)\naws:\n\(theirs)")
    }

    @Test(arguments: operations)
    func unpinnedCLISkeletonConformsToTheModel(operation: String) async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let run = try await AWSCLIOracle.aws().run(["ssm", operation, "--generate-cli-skeleton"])
        try #require(run.status == 0, Comment(rawValue: run.stderr))
        let input = try #require(model.operation(named: operation)?.input)
        #expect(InputSkeletonConformance.problems(try JSONParser.parse(run.stdout), shape: input, in: model) == [])
    }

    @Test func conformanceNamesMissingExtraAndMistypedMembers() throws {
        let skeleton = try JSONParser.parse(#"{"InstanceId": "", "CommandId": 0, "Extra": ""}"#)
        #expect(
            InputSkeletonConformance.problems(skeleton, shape: "GetCommandInvocationRequest", in: model) == [
                "$: members of GetCommandInvocationRequest: missing PluginName; not in the model: Extra",
                "CommandId: expected \"\", found 0",
            ]
        )
    }

    @Test(arguments: operations)
    func yamlInputParsesBackToTheInputMembers(operation: String) throws {
        let yaml = try SkeletonRunner.render(operation: operation, kind: .yamlInput)
        let json = try JSONParser.parse(SkeletonRunner.render(operation: operation, kind: .input))
        let parsed = try YAMLInputSkeleton.parse(yaml)
        #expect(parsed == json, "yaml:\n\(yaml)")
    }

    @Test func yamlInputCommentsFollowCLIv2() throws {
        let yaml = try SkeletonRunner.render(operation: "get-command-invocation", kind: .yamlInput)
        #expect(
            yaml == """
                CommandId: ''  # [REQUIRED] (Required) The parent command ID of the invocation plugin.
                InstanceId: ''  # [REQUIRED] (Required) The ID of the managed node targeted by the command.
                PluginName: ''  # The name of the step for which you want detailed results.

                """
        )
        let list = try SkeletonRunner.render(operation: "list-command-invocations", kind: .yamlInput)
        #expect(
            list.contains(
                "\nFilters:  # (Optional) One or more filters.\n- key: InvokedAfter  # [REQUIRED] The name of the filter. Valid values are: InvokedAfter, InvokedBefore, Status, ExecutionStage, DocumentName.\n  value: ''  # [REQUIRED]"
            )
        )
        let send = try SkeletonRunner.render(operation: "send-command", kind: .yamlInput)
        #expect(
            send.contains(
                "\nParameters:  # The required and optional parameters specified in the document being run.\n  KeyName:\n  - ''\n"
            )
        )
    }

    @Test(arguments: operations)
    func outputSatisfiesTheModel(operation: String) throws {
        let text = try SkeletonRunner.render(operation: operation, kind: .output)
        let op = try #require(model.operation(named: operation))
        // Only the members where the sample follows AWS, not the model's constraint, may break it.
        let violations = ShapeValidator(model: model).validateOutput(try JSONParser.parse(text), operation: op.name)
            .filter { violation in !SampleValues.observedValues.keys.contains { violation.description.contains($0) } }
        #expect(violations.isEmpty, "\(violations)")
        #expect(text.hasSuffix("}\n"))
    }

    @Test(arguments: operations)
    func sampleInputSatisfiesTheModel(operation: String) throws {
        let op = try #require(model.operation(named: operation))
        let input = try SkeletonRunner.sampleInput(for: op, in: model)
        #expect(ShapeValidator(model: model).validateInput(input, operation: op.name).isEmpty)
        #expect(input.objectValue?.keys == model.shapes[op.input!]?.members.map(\.name))
    }

    @Test func outputUsesRealisticIdsAndWireTimestamps() throws {
        let output = try JSONParser.parse(SkeletonRunner.render(operation: "list-command-invocations", kind: .output))
        let invocation = try #require(output["CommandInvocations"]?[0])
        #expect(invocation["CommandId"] == "ef7fdfd8-9b57-4151-a15c-db9a12345678")
        #expect(invocation["InstanceId"] == "i-1234567890abcdef0")
        #expect(invocation["Status"] == "Success")
        #expect(invocation["StatusDetails"] == "Success")
        #expect(invocation["RequestedDateTime"] == .number(JSONNumber(SampleValues.sampleEpochSeconds)))
    }

    @Test func unknownOperationIsBadUsageListingTheKnownOnes() {
        do {
            _ = try SkeletonRunner.render(operation: "get-command-invocations")
            Issue.record("an unknown operation rendered")
        } catch {
            #expect(error.status == .badInput)
            #expect(
                error.message
                    == "unknown operation \"get-command-invocations\"; known operations: cancel-command, describe-instance-information, get-command-invocation, list-command-invocations, list-commands, send-command"
            )
        }
    }

    @Test func pythonJSONWriterEscapesLikeEnsureASCII() {
        let value: JSONValue = [
            "a": ["é\u{1F600}\n\"", [], [:] as JSONValue], "b": .number(JSONNumber(literal: "0.0")),
        ]
        #expect(
            PythonJSONWriter.string(value)
                == "{\n    \"a\": [\n        \"\\u00e9\\ud83d\\ude00\\n\\\"\",\n        [],\n        {}\n    ],\n    \"b\": 0.0\n}"
        )
    }
}
