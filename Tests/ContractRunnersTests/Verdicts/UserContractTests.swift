import Foundation
import TestSupport
import Testing

/// A user's contract file that could never judge a response is rejected when it is loaded: exit 2, its file and
/// line, and never a message that blames the (correct) operation given on the command line.
@Suite(.serialized, .timeLimit(.minutes(1))) struct UserContractTests {
    static func contract(
        operation: String = "GetCommandInvocation",
        at: String = "$",
        field: String = "Status"
    ) -> String {
        """
        contracts:
          - id: team.status-known
            statement: Status is one the team expects.
            source: {kind: observed, reference: "team runbook"}
            severity: error
            applies-to:
              - {operation: \(operation), at: "\(at)"}
            rule:
              expect:
                - {field: \(field), one-of: [Success, Failed]}
        """
    }

    static func check(_ contract: String) async throws -> (BinaryRun, String) {
        try await BinaryRun.withFolder { folder in
            let file = folder.appendingPathComponent("team.yaml")
            try contract.write(to: file, atomically: true, encoding: .utf8)
            let run = try await BinaryRun.run(
                ["check", "get-command-invocation", "-", "--contracts", file.path],
                input: #"{"Status":"Success","StatusDetails":"Success"}"#
            )
            return (run, file.path)
        }
    }

    static func expectRejected(
        _ result: (BinaryRun, String),
        line: Int,
        _ problem: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (run, file) = result
        #expect(run.status == 2, "\(run.err)", sourceLocation: sourceLocation)
        #expect(
            run.errorLines == ["ssm-contract: \(file):\(line): contract team.status-known: \(problem)"],
            sourceLocation: sourceLocation
        )
        #expect(!run.err.contains("unknown operation \"get-command-invocation\""), sourceLocation: sourceLocation)
    }

    @Test func contractsThatCouldNeverMatchAreRejectedAtLoad() async throws {
        Self.expectRejected(
            try await Self.check(Self.contract(operation: "GetCommandInvokation")),
            line: 7,
            "applies-to operation \"GetCommandInvokation\" is not an SSM operation; the model's operations are CancelCommand, DescribeInstanceInformation, GetCommandInvocation, ListCommandInvocations, ListCommands, SendCommand"
        )
        Self.expectRejected(
            try await Self.check(Self.contract(operation: "get-command-invocation")),
            line: 7,
            "applies-to operation \"get-command-invocation\" is not an SSM operation; use its wire name GetCommandInvocation"
        )
        Self.expectRejected(
            try await Self.check(Self.contract(at: "$.CommandInvocations[*]")),
            line: 7,
            "$.CommandInvocations[*] can never match a GetCommandInvocation response: GetCommandInvocationResult has no member CommandInvocations (its members: CommandId, InstanceId, Comment, DocumentName, DocumentVersion, PluginName, ResponseCode, ExecutionStartDateTime, ExecutionElapsedTime, ExecutionEndDateTime, Status, StatusDetails, StandardOutputContent, StandardOutputUrl, StandardErrorContent, StandardErrorUrl, CloudWatchOutputConfig)"
        )
        let (typo, _) = try await Self.check(Self.contract(field: "Statsu"))
        #expect(typo.status == 2)
        #expect(
            typo.err.contains(
                ":9: contract team.status-known: field Statsu is in none of its subjects (GetCommandInvocation $): GetCommandInvocationResult has no member Statsu"
            ),
            "\(typo.err)"
        )
        // The same file, spelled right, loads and judges.
        let (good, _) = try await Self.check(Self.contract())
        #expect(good.status == 0, "\(good.err)")
        #expect(good.out.contains("PASS         team.status-known"))
    }
}
