import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// No lost work: every output path is checked before anything is sent, served or judged.
@Suite(.serialized, .timeLimit(.minutes(2))) struct OutputPathsTests {
    static func refusal(_ paths: OutputPaths) -> String? {
        do {
            try paths.check()
            return nil
        } catch {
            return error.status == .badInput ? error.message : "status \(error.status)"
        }
    }

    /// A refused output path is named as the user gave it: a relative path stays relative, the folders above it
    /// never appear (`verify --json`, `record --output`, `serve --report`, `proxy --record`).
    @Test func refusedRelativePathsAreNamedAsGiven() async throws {
        let credentials = [
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-secret", "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "PATH": "/usr/bin:/bin",
        ]
        let cases: [([String], String)] = [
            (
                ["verify", "--json", "no/such/r.json", "Recordings/aws-docs"],
                "ssm-contract: --json no/such/r.json: the folder no/such does not exist; create it or choose another path"
            ),
            (
                [
                    "record", "--output", "README.md/deeper", "--endpoint-url", "http://127.0.0.1:9", "--source",
                    "mock:x@1",
                    "--region", "us-east-1",
                ],
                "ssm-contract: --output README.md/deeper: README.md is a file, not a folder; choose a folder path"
            ),
            (
                ["serve", "Recordings/aws-docs", "--report", "README.md/r.json"],
                "ssm-contract: --report README.md/r.json: README.md is not a folder; choose another path"
            ),
            (
                ["proxy", "--record", "no/such/x.json", "--upstream", "http://127.0.0.1:9", "--source", "mock:x@1"],
                "ssm-contract: --record no/such/x.json: the folder no/such does not exist; create it first"
            ),
        ]
        for (arguments, line) in cases {
            let run = try await BinaryRun.run(arguments, environment: credentials)
            #expect(run.status == 2, "\(arguments): \(run.err)")
            #expect(run.errorLines == [line], "\(arguments)")
            #expect(!run.err.contains(PackageRoot.url.path))
        }
    }

    @Test func unwritableAndCollidingPathsAreRefusedNamingTheFlag() async throws {
        try await BinaryRun.withFolder { folder in
            let readOnly = folder.appendingPathComponent("read-only")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
            chmod(readOnly.path, 0o555)
            defer { chmod(readOnly.path, 0o755) }
            let missing = folder.appendingPathComponent("no/such/report.json").path
            #expect(
                Self.refusal(OutputPaths().file("--json", missing))
                    == "--json \(missing): the folder \(folder.path)/no/such does not exist; create it or choose another path"
            )
            #expect(
                Self.refusal(OutputPaths().file("--json", folder.path))
                    == "--json \(folder.path): is a folder; give a file path"
            )
            if getuid() != 0 {  // root writes anywhere
                let inReadOnly = readOnly.appendingPathComponent("r.xml").path
                #expect(
                    Self.refusal(OutputPaths().file("--junit", inReadOnly))
                        == "--junit \(inReadOnly): cannot write in \(readOnly.path) (permission denied); choose a writable path"
                )
                #expect(
                    Self.refusal(OutputPaths().folder("--output", readOnly.appendingPathComponent("new/deeper").path))?
                        .contains("cannot write in \(readOnly.path) (permission denied)") == true
                )
            }
            let same = folder.appendingPathComponent("r.json").path
            #expect(
                Self.refusal(OutputPaths().file("--json", same).file("--junit", folder.path + "/./r.json"))
                    == "--json and --junit both write to \(folder.path)/./r.json; give each its own path"
            )
            #expect(
                Self.refusal(OutputPaths().file("--json", "-").file("--junit", "-"))
                    == "--json and --junit both write to standard output; give each its own path"
            )
            #expect(
                Self.refusal(
                    OutputPaths().file("--json", same).file("--junit", "-").folder(
                        "--output",
                        folder.appendingPathComponent("new").path
                    )
                ) == nil
            )
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["read-only"],
                "the probe leaves nothing behind"
            )
        }
    }

    @Test func verifyAndCheckRefuseBeforeJudgingAndJSONDashIsStandardOutput() async throws {
        let missing = "/no/such/folder/report.json"
        let verify = try await BinaryRun.run(["verify", "Recordings/aws-docs", "--json", missing])
        #expect(verify.status == 2)
        #expect(
            verify.err
                == "ssm-contract: --json \(missing): the folder /no/such/folder does not exist; create it or choose another path\n"
        )
        #expect(verify.out.isEmpty, "nothing was judged")
        let twice = try await BinaryRun.run(["verify", "Recordings/aws-docs", "--json", "r.json", "--junit", "r.json"])
        #expect(twice.status == 2 && twice.err.contains("--json and --junit both write to r.json"))
        #expect(!FileManager.default.fileExists(atPath: PackageRoot.path("r.json").path))

        let toStandardOutput = try await BinaryRun.run(["verify", "Recordings/aws-docs", "--json", "-"])
        #expect(toStandardOutput.status == 0)
        let report = try JSONParser.parse(toStandardOutput.out)
        #expect(report["summary"]?["responses"]?.intValue == 4)
        #expect(toStandardOutput.err.contains("ssm-contract verify: 4 files"), "the text report goes to standard error")
        #expect(!FileManager.default.fileExists(atPath: PackageRoot.path("-").path))

        let check = try await BinaryRun.run(
            ["check", "get-command-invocation", "-", "--junit", missing],
            input: #"{"Status":"Success","StatusDetails":"Success"}"#
        )
        #expect(
            check.status == 2 && check.err.contains("--junit \(missing): the folder /no/such/folder does not exist")
        )
    }

    @Test func recordRefusesExistingCassettesUnforcedAndUnwritableFoldersBeforeSendingAnything() async throws {
        try await withRefusingPort { port in
            try await BinaryRun.withFolder { folder in
                let endpoint = "http://127.0.0.1:\(port)"
                let output = folder.appendingPathComponent("mock-moto-5.2.1")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                let kept = Data("{\"kept\": true}".utf8)
                try kept.write(to: output.appendingPathComponent("list-commands.json"))
                let base = [
                    "record", "--endpoint-url", endpoint, "--source", "mock:moto@5.2.1", "--output", output.path,
                    "--poll-delay", "0",
                ]
                let refused = try await BinaryRun.run(base, environment: BinaryRun.fakeAWSEnvironment)
                #expect(refused.status == 2)
                #expect(
                    refused.err
                        == "ssm-contract: --output \(output.path) already holds list-commands.json; pass --force to replace it, or choose another --output\n"
                )
                #expect(try Data(contentsOf: output.appendingPathComponent("list-commands.json")) == kept)
                // With --force it goes on to send, and the refusing port makes that exit 4: the refusal above came first.
                let forced = try await BinaryRun.run(
                    base + ["--force", "--scenario", "list-commands"],
                    environment: BinaryRun.fakeAWSEnvironment
                )
                #expect(forced.status == 4, "\(forced.err)")
                #expect(
                    try Data(contentsOf: output.appendingPathComponent("list-commands.json")) == kept,
                    "nothing recorded, nothing replaced"
                )

                let file = folder.appendingPathComponent("a-file")
                try Data().write(to: file)
                let notFolder = try await BinaryRun.run(
                    [
                        "record", "--endpoint-url", endpoint, "--source", "mock:moto@5.2.1", "--output",
                        file.appendingPathComponent("x").path,
                    ],
                    environment: BinaryRun.fakeAWSEnvironment
                )
                #expect(
                    notFolder.status == 2 && notFolder.err.contains("\(file.path) is a file, not a folder"),
                    "\(notFolder.err)"
                )
            }
        }
    }

    @Test func liveChecksItsReportPathsBeforeSendingAnything() async throws {
        try await withRefusingPort { port in
            let missing = "/no/such/folder/live.json"
            let run = try await BinaryRun.run(
                [
                    "live", "--instance-id", "i-0123456789abcdef0", "--endpoint-url", "http://127.0.0.1:\(port)",
                    "--source", "mock:moto@5.2.1", "--json", missing,
                ],
                environment: BinaryRun.fakeAWSEnvironment
            )
            // Exit 2 naming --json, not 4 from the refusing port: nothing was sent.
            #expect(run.status == 2)
            #expect(
                run.errorLines == [
                    "ssm-contract: --json \(missing): the folder /no/such/folder does not exist; create it or choose another path"
                ]
            )
        }
    }

    /// A `live` report path that is a cassette of the run (the baseline's, or a fresh one in --output) is refused
    /// before anything is sent: the report would replace it.
    @Test func liveRefusesAReportPathThatIsOneOfItsCassettes() async throws {
        try await BinaryRun.withFolder { folder in
            let baseline = folder.appendingPathComponent("baseline")
            try FileManager.default.copyItem(at: PackageRoot.path("Recordings/mock-moto-5.2.1"), to: baseline)
            let kept = baseline.appendingPathComponent("list-commands.json")
            let original = try Data(contentsOf: kept)
            let output = folder.appendingPathComponent("out")  // an earlier run's --output
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try await withRefusingPort { port in
                for (flag, path) in [
                    ("--json", kept.path), ("--junit", output.appendingPathComponent("list-commands.json").path),
                ] {
                    let run = try await BinaryRun.run(
                        [
                            "live", "--instance-id", "i-0123456789abcdef0", "--endpoint-url",
                            "http://127.0.0.1:\(port)", "--source", "mock:moto@5.2.1", "--scenario", "list-commands",
                            "--baseline", baseline.path, "--output", output.path, flag, path,
                        ],
                        environment: BinaryRun.fakeAWSEnvironment
                    )
                    #expect(run.status == 2, "\(run.err)")
                    #expect(
                        run.errorLines == [
                            "ssm-contract: \(flag) \(path): is a cassette this run writes or compares with; writing \(flag) there would overwrite it, so give another path"
                        ]
                    )
                }
            }
            #expect(try Data(contentsOf: kept) == original)
        }
    }

    @Test func serveChecksItsReportAndRecordingCassetteBeforeServing() async throws {
        let missing = "/no/such/folder/report.json"
        let report = try await BinaryRun.run(["serve", "Recordings/aws-docs", "--report", missing])
        #expect(report.status == 2)
        #expect(
            report.err
                == "ssm-contract: --report \(missing): the folder /no/such/folder does not exist; create it or choose another path\n"
        )
        #expect(report.out.isEmpty, "never served")
        let dash = try await BinaryRun.run(["serve", "Recordings/aws-docs", "--report", "-"])
        #expect(dash.status == 2)
        #expect(
            dash.errorLines == [
                "ssm-contract: --report -: serve's standard output carries the URL line and the summary; give the report a file"
            ]
        )
        let recording = try await BinaryRun.run([
            "serve", "/no/such/folder/new.json", "--record-missing", "--upstream", "http://127.0.0.1:9", "--source",
            "mock:moto@5.2.1",
        ])
        #expect(recording.status == 2)
        #expect(
            recording.err.contains(
                "--record-missing (the first CASSETTE) /no/such/folder/new.json: the folder /no/such/folder does not exist"
            )
        )
        #expect(recording.out.isEmpty)
    }

    @Test func harChecksItsOutputBeforeReadingAnythingAndNamesNoErrorDomain() async throws {
        let cassette = "Recordings/mock-moto-5.2.1/success-known-output.json"
        let missing = "/no/such/folder/x.har"
        let expected =
            "ssm-contract: --output \(missing): the folder /no/such/folder does not exist; create it or choose another path"
        for input in [cassette, "/no/such/cassette.json"] {
            let export = try await BinaryRun.run(["har", "export", input, "--output", missing])
            #expect(export.status == 2)
            #expect(export.errorLines == [expected], "the output is checked before the cassette is read")
            #expect(!export.err.contains("Domain"))
        }
        let har = try await BinaryRun.run([
            "har", "import", "/no/such/input.har", "--output", "/no/such/folder/x.json", "--source", "mock:moto@5.2.1",
        ])
        #expect(har.status == 2)
        #expect(
            har.errorLines == [
                "ssm-contract: --output /no/such/folder/x.json: the folder /no/such/folder does not exist; create it or choose another path"
            ]
        )
    }

    /// `har export` and `har import` never write over their input (export replaced the cassette with a HAR, exit 0).
    @Test func harRefusesAnOutputThatIsItsInput() async throws {
        try await BinaryRun.withFolder { folder in
            let cassette = folder.appendingPathComponent("c.json")
            try FileManager.default.copyItem(
                at: PackageRoot.path("Recordings/aws-docs/get-command-invocation-cli-example.json"),
                to: cassette
            )
            let original = try Data(contentsOf: cassette)
            let export = try await BinaryRun.run(["har", "export", cassette.path, "--output", cassette.path])
            #expect(export.status == 2)
            #expect(
                export.errorLines == [
                    "ssm-contract: --output \(cassette.path): is the cassette to export; writing --output there would overwrite it, so give another path"
                ]
            )
            let capture = folder.appendingPathComponent("c.har")
            #expect(try await BinaryRun.run(["har", "export", cassette.path, "--output", capture.path]).status == 0)
            let captured = try Data(contentsOf: capture)
            let importing = try await BinaryRun.run([
                "har", "import", capture.path, "--output", capture.path, "--source", "synthetic", "--force",
            ])
            #expect(importing.status == 2)
            #expect(
                importing.errorLines == [
                    "ssm-contract: --output \(capture.path): is the HAR file to import; writing --output there would overwrite it, so give another path"
                ]
            )
            #expect(try Data(contentsOf: cassette) == original && Data(contentsOf: capture) == captured)
        }
    }
}
