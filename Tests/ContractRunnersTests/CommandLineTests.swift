import Foundation
import TestSupport
import Testing

/// The built `ssm-contract` binary, run as a user runs it: exit statuses and the one-line error.
@Suite(.serialized) struct CommandLineTests {
    static func run(_ arguments: [String], input: String) throws -> (status: Int32, out: String, err: String) {
        let run = try BuiltCLI.run(arguments, input: input)
        return (run.status, run.out, run.err)
    }

    @Test(.timeLimit(.minutes(1))) func exitStatusesAsDocumented() throws {
        let ok = try Self.run(
            ["check", "get-command-invocation", "-"],
            input: "{\"Status\":\"Success\",\"StatusDetails\":\"Success\"}"
        )
        #expect(ok.status == 0)
        let violation = try Self.run(
            ["check", "get-command-invocation", "-"],
            input: "{\"Status\":\"Success\",\"StatusDetails\":\"InProgress\"}"
        )
        #expect(violation.status == 1)
        #expect(violation.out.contains("FAIL         status.details-consistent"))
        let truncated = try Self.run(["check", "get-command-invocation", "-"], input: "{\"Status\":")
        #expect(truncated.status == 2)
        #expect(truncated.err.split(separator: "\n").count == 1)
        #expect(truncated.err.contains("-: is not valid JSON"))
        let unknown = try Self.run(["verify", "--skip", "nothing.*", "Recordings/aws-docs"], input: "")
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("\"nothing.*\" matches no contract id"))
        let verify = try Self.run(["verify", "Recordings/aws-docs"], input: "")
        #expect(verify.status == 0)
        let table = try Self.run(["verify", "--list-contracts", "--markdown"], input: "")
        #expect(table.status == 0 && table.out.hasPrefix("| id | severity |"))
    }
}
