import ContractRunners
import Foundation
import TestSupport
import Testing

/// The built `ssm-contract` binary, run as a user runs it: exit statuses and the one-line error.
@Suite(.serialized) struct CommandLineTests {
    static func run(_ arguments: [String], input: String) throws -> (status: Int32, out: String, err: String) {
        let run = try BuiltCLI.run(arguments, input: input)
        return (run.status, run.out, run.err)
    }

    /// README's exit-status table, the top-level help and `record --help` name every status the commands use.
    @Test(.timeLimit(.minutes(1))) func everyExitStatusIsInTheTablesAndTheHelp() throws {
        let readme = try String(contentsOf: PackageRoot.path("README.md"), encoding: .utf8)
        let rows = Set(
            readme.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| "), let cell = line.split(separator: "|").first else { return nil }
                return cell.trimmingCharacters(in: .whitespaces)
            }
        )
        for status in ExitStatus.allCases {
            #expect(rows.contains("\(status.rawValue)"), "README's exit-status table has no row for \(status)")
        }
        #expect(rows.contains("130, 143"))
        #expect(!readme.contains("The same for every command"))
        let help = try Self.run(["--help"], input: "").out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for status in ExitStatus.allCases.map(\.rawValue) + [130, 143] {
            #expect(
                help.range(of: "[ ;/]\(status)[ /]", options: .regularExpression) != nil,
                "--help lacks exit status \(status)"
            )
        }
        let record = try Self.run(["record", "--help"], input: "").out.split(whereSeparator: \.isWhitespace).joined(
            separator: " "
        )
        #expect(record.contains("Exit status: 0 every scenario recorded"))
        #expect(record.contains("4 the endpoint cannot be reached"))
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
