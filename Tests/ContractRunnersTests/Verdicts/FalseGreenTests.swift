import ContractEngine
import ContractRunners
import Foundation
import TestSupport
import Testing

/// Inputs that checked nothing, or are not what they claim to be, never pass: exit 2 and one line saying what the
/// input is and what to use instead.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FalseGreenTests {
    static let getInvocation =
        #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-1234567890abcdef0","Status":"Success","StatusDetails":"Success","ResponseCode":0}"#
    static let listPage =
        #"{"CommandInvocations":[{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-1234567890abcdef0","Status":"Success"}]}"#
    static let listCommands =
        #"{"Commands":[{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","Status":"Success"}],"NextToken":"abc"}"#

    /// `check OPERATION -` on `body`: status, and standard error's lines.
    static func check(_ operation: String, _ body: String, _ extra: [String] = []) async throws -> BinaryRun {
        try await BinaryRun.run(["check", operation, "-"] + extra, input: body)
    }

    static func expectRefused(_ run: BinaryRun, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "exit \(run.status): \(run.err)", sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1, "\(run.err)", sourceLocation: sourceLocation)
        #expect(run.err.contains(fragment), "\(run.err)", sourceLocation: sourceLocation)
        #expect(run.out.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func checkRefusesABodyThatIsNotTheOperationsResponse() async throws {
        Self.expectRefused(
            try await Self.check("get-command-invocation", #"{"hello":"world"}"#),
            "-: has none of GetCommandInvocation's response members (CommandId, InstanceId, Comment, DocumentName, …), so it is not a GetCommandInvocation response"
        )
        Self.expectRefused(try await Self.check("get-command-invocation", "{}"), "-: is an empty JSON object")
        Self.expectRefused(
            try await Self.check("get-command-invocation", Self.listPage),
            "-: is a ListCommandInvocations response (CommandInvocations), not a GetCommandInvocation response; use `ssm-contract check list-command-invocations`"
        )
        Self.expectRefused(
            try await Self.check("get-command-invocation", Self.listCommands),
            "-: is a ListCommands response (Commands, NextToken), not a GetCommandInvocation response; check judges get-command-invocation and list-command-invocations responses"
        )
        Self.expectRefused(
            try await Self.check("list-command-invocations", Self.getInvocation),
            "-: is a GetCommandInvocation response (CommandId, InstanceId, Status, StatusDetails, ResponseCode), not a ListCommandInvocations response; use `ssm-contract check get-command-invocation`"
        )
        Self.expectRefused(
            try await Self.check("list-command-invocations", Self.listCommands),
            "-: is a ListCommands response"
        )
        let cassette = try String(
            contentsOf: PackageRoot.path("Recordings/aws-docs/get-command-invocation-cli-example.json"),
            encoding: .utf8
        )
        Self.expectRefused(
            try await Self.check("get-command-invocation", cassette),
            "-: is an ssm-contract cassette, not a response body; judge cassettes with `ssm-contract verify -`"
        )
        // The real thing still passes.
        #expect(try await Self.check("get-command-invocation", Self.getInvocation).status == 0)
        #expect(try await Self.check("list-command-invocations", Self.listPage).status == 0)
    }

    @Test func checkRefusesAnUnknownTargetAndARequestOfAnotherOperation() async throws {
        Self.expectRefused(
            try await Self.check("get-command-invocation", Self.getInvocation, ["--target", "nope"]),
            "ssm-contract: --target nope: no such target; use one of: input, live, moto-5.2.1 (a target's known deviations are in Contracts/deviations/TARGET.yaml)"
        )
        let known = try await Self.check("get-command-invocation", Self.getInvocation, ["--target", "moto-5.2.1"])
        // A known target is judged (its deviations apply: one that no longer fails is a violation), not refused.
        #expect(known.status != 2 && known.err.isEmpty, "\(known.err)")
        #expect(known.out.contains("moto-5.2.1"), "\(known.out)")
        try await BinaryRun.withFolder { folder in
            let hello = folder.appendingPathComponent("hello.json")
            try #"{"hello":"world"}"#.write(to: hello, atomically: true, encoding: .utf8)
            Self.expectRefused(
                try await Self.check("get-command-invocation", Self.getInvocation, ["--request", hello.path]),
                "ssm-contract: --request \(hello.path): has none of GetCommandInvocation's input members (CommandId, InstanceId, PluginName); give the request body the call sent"
            )
            let request = folder.appendingPathComponent("request.json")
            try #"{"CommandId":"ef7fdfd8-9b57-4151-a15c-db9a12345678","InstanceId":"i-1234567890abcdef0"}"#.write(
                to: request,
                atomically: true,
                encoding: .utf8
            )
            let matching = try await Self.check(
                "get-command-invocation",
                Self.getInvocation,
                ["--request", request.path]
            )
            #expect(matching.status == 0, "\(matching.err)")
            let empty = folder.appendingPathComponent("empty.json")
            try "{}".write(to: empty, atomically: true, encoding: .utf8)
            let page = try await Self.check("list-command-invocations", Self.listPage, ["--request", empty.path])
            #expect(page.status == 0, "an empty request (every member optional) is a request: \(page.err)")
        }
    }

    @Test func checkSaysToUseJSONForTheCLIsTextAndTableOutput() async throws {
        let text =
            "None\tef7fdfd8-9b57-4151-a15c-db9a12345678\t\tAWS-RunShellScript\t$DEFAULT\tPT0.004S\ti-1234567890abcdef0\t0\tSuccess\tSuccess\n"
        Self.expectRefused(
            try await Self.check("get-command-invocation", text),
            "-: looks like AWS CLI --output text or table output, which has no member names; run the CLI again with --output json"
        )
        let table = """
            -------------------------------------------
            |          GetCommandInvocation           |
            +--------------------+--------------------+
            |  Status            |  Success           |
            +--------------------+--------------------+

            """
        Self.expectRefused(try await Self.check("get-command-invocation", table), "--output json")
    }

    @Test func verifyOfNothingIsBadInput() async throws {
        try await BinaryRun.withFolder { folder in
            let empty = folder.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            Self.expectRefused(
                try await BinaryRun.run(["verify", empty.path]),
                "nothing was checked: \(empty.path) holds no cassettes (*.json); give cassette files or folders"
            )
        }
        Self.expectRefused(
            try await BinaryRun.run(["verify", "--only", "status.*", "--skip", "status.*", "Recordings/aws-docs"]),
            "nothing was checked: --only and --skip leave no contract to run"
        )
        // A contract that applies to none of these responses checked nothing either.
        Self.expectRefused(
            try await BinaryRun.run([
                "verify", "--only", "list.*", "Recordings/aws-docs/get-command-invocation-cli-example.json",
            ]),
            "nothing was checked: none of the"
        )
        // check: the selection leaves nothing for a correct operation; the operation is not blamed.
        let run = try await Self.check("list-command-invocations", Self.listPage, ["--only", "gci.*"])
        Self.expectRefused(run, "nothing was checked: --only and --skip leave no contract of list-command-invocations")
        #expect(!run.err.contains("unknown operation"))
    }

    /// `record` (and `live`) whose every selected scenario is skipped recorded nothing, and a misspelt
    /// `--scenario-parameter` (no scenario has it) changes nothing: refused before anything is sent (record printed
    /// "recorded 0 scenarios" and exited 0; the parameter was ignored).
    @Test func recordWithNothingToRunOrAParameterNoScenarioHasIsRefused() async throws {
        try await BinaryRun.withFolder { folder in
            let output = folder.appendingPathComponent("out").path
            let record = [
                "record", "--source", "mock:moto@5.2.1", "--output", output, "--endpoint-url", "http://127.0.0.1:9",
            ]
            let environment = BinaryRun.fakeAWSEnvironment
            Self.expectRefused(
                try await BinaryRun.run(record + ["--scenario", "unreachable-instance"], environment: environment),
                "ssm-contract: nothing to run: every selected scenario is skipped — unreachable-instance: needs --offline-instance-id (an instance whose agent never answers). Give what they need, or choose others with --scenario"
            )
            Self.expectRefused(
                try await BinaryRun.run(
                    record + ["--scenario-parameter", "sleeep=1", "--scenario", "in-flight"],
                    environment: environment
                ),
                "ssm-contract: --scenario-parameter sleeep: no scenario has this parameter; the scenarios' parameters are execution-timeout, sleep"
            )
            #expect(!FileManager.default.fileExists(atPath: output), "nothing was created")
            let live = try await BinaryRun.run(
                [
                    "live", "--source", "mock:moto@5.2.1", "--endpoint-url", "http://127.0.0.1:9", "--instance-id",
                    "i-0123456789abcdef0", "--scenario", "unreachable-instance", "--output", output,
                ],
                environment: environment,
                directory: folder  // no default baseline there
            )
            #expect(live.status == 2, "\(live.err)")
            #expect(live.err.contains("nothing to run: every selected scenario is skipped — unreachable-instance"))
        }
    }

    /// A `--contracts` or `--deviations` folder with no YAML file in it would leave the run judged as if the
    /// user's rules were not there: refused, naming the folder and the flag.
    @Test func aContractsOrDeviationsFolderWithoutFilesIsRefused() async throws {
        try await BinaryRun.withFolder { folder in
            let team = folder.appendingPathComponent("team-rules")
            try FileManager.default.createDirectory(at: team, withIntermediateDirectories: true)
            try "notes".write(to: team.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
            for (flag, what) in [("--contracts", "contract"), ("--deviations", "deviations")] {
                Self.expectRefused(
                    try await BinaryRun.run(["verify", flag, team.path, "Recordings/aws-docs"]),
                    "ssm-contract: \(team.path): holds no \(what) files (*.yaml, *.yml); \(flag) takes \(what) files or a folder of them"
                )
                Self.expectRefused(
                    try await Self.check("get-command-invocation", Self.getInvocation, [flag, team.path]),
                    "ssm-contract: \(team.path): holds no \(what) files"
                )
            }
        }
    }

    /// A folder whose name ends in `.json` is searched like any folder, never read as a cassette; a named pipe
    /// so named is never opened (verify waited on it forever).
    @Test func aFolderNamedLikeACassetteIsSearchedNotReadAndAPipeIsNotOpened() async throws {
        try await BinaryRun.withFolder { folder in
            let inner = folder.appendingPathComponent("2026-12-01.json")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: PackageRoot.path("Recordings/aws-docs/get-command-invocation-cli-example.json"),
                to: inner.appendingPathComponent("cassette.json")
            )
            #expect(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o600) == 0)
            let run = try await BinaryRun.run(["verify", folder.path])
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.hasPrefix("ssm-contract verify: 1 file, 1 response (0 errors);"), "\(run.out)")
        }
    }
}

/// `check` and `verify` fold the contracts that apply to none of the responses into one line; `--verbose` lists them.
@Suite(.timeLimit(.minutes(1))) struct NotApplicableFoldingTests {
    @Test func notApplicableContractsAreOneLineUnlessVerbose() async throws {
        let body = #"{"Status":"Success","StatusDetails":"Success"}"#
        let folded = try await BinaryRun.run(["check", "get-command-invocation", "-"], input: body)
        #expect(folded.status == 0)
        let lines = folded.out.split(separator: "\n").filter { $0.hasPrefix("N/A") }
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasSuffix(" contracts apply to none of these responses (--verbose lists them)") == true)
        #expect(!folded.out.contains("(applies to none of these responses)"))
        let verbose = try await BinaryRun.run(["check", "get-command-invocation", "-", "--verbose"], input: body)
        let listed = verbose.out.split(separator: "\n").filter { $0.hasPrefix("N/A") }
        #expect(listed.count > 1 && listed.allSatisfy { $0.hasSuffix("(applies to none of these responses)") })
        #expect(lines.first?.contains(" \(listed.count) contracts apply") == true)
    }
}
