import Cassettes
import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

/// A report written next to the recordings it judged (`verify rec --json rec/report.json`) never breaks the next
/// run: a folder search skips it and says so, a report given as a cassette is refused as a report, and a report
/// path that is one of the inputs is refused before any work, so no recording is overwritten.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ReportsBesideCassettesTests {
    /// A copy of `Recordings/aws-docs` (4 cassettes) in a fresh folder.
    static func withRecordings<R>(_ body: (URL) async throws -> R) async throws -> R {
        try await BinaryRun.withFolder { folder in
            let recordings = folder.appendingPathComponent("rec")
            try FileManager.default.copyItem(at: PackageRoot.path("Recordings/aws-docs"), to: recordings)
            return try await body(recordings)
        }
    }

    static func expectRefused(_ run: BinaryRun, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "exit \(run.status): \(run.err)", sourceLocation: sourceLocation)
        #expect(run.errorLines == [line], sourceLocation: sourceLocation)
        #expect(run.out.isEmpty, "nothing was judged", sourceLocation: sourceLocation)
    }

    @Test func aVerifyReportBesideTheRecordingsIsSkippedByTheNextVerifyWhichSaysSo() async throws {
        try await Self.withRecordings { rec in
            let report = rec.appendingPathComponent("report.json")
            let first = try await BinaryRun.run(["verify", rec.path, "--json", report.path])
            #expect(first.status == 0, "\(first.err)")
            let written = try JSONParser.parse(String(contentsOf: report, encoding: .utf8))
            #expect(written["format"]?.stringValue == "ssm-contract.verify-report")
            #expect(written["version"]?.intValue == 1)
            #expect(written["summary"]?["skippedReports"] == .array([]))
            #expect(
                try String(contentsOf: report, encoding: .utf8).hasPrefix(
                    "{\n  \"format\": \"ssm-contract.verify-report\",\n  \"version\": 1,"
                ),
                "format and version come first: that is how a folder search recognises a report"
            )

            let second = try await BinaryRun.run(["verify", rec.path, "--json", "-"])
            #expect(second.status == 0, "\(second.err)")
            let header = try #require(second.errorLines.first)
            #expect(
                header.hasPrefix(
                    "ssm-contract verify: 4 files, 4 responses (0 errors), 1 report file skipped: \(report.path);"
                ),
                "\(header)"
            )
            let again = try JSONParser.parse(second.out)
            #expect(again["summary"]?["files"]?.intValue == 4)
            #expect(again["summary"]?["skippedReports"] == .array([.string(report.path)]))
            #expect(
                second.out
                    == (try String(contentsOf: report, encoding: .utf8)).replacingOccurrences(
                        of: "\"skippedReports\": []",
                        with: "\"skippedReports\": [\n      \"\(report.path)\"\n    ]"
                    ),
                "the same verdicts as the run that wrote the report"
            )
        }
    }

    @Test func everyReportKindIsSkippedAndANamedReportIsRefusedAsAReport() async throws {
        try await Self.withRecordings { rec in
            // A report of each kind ssm-contract writes, compact and pretty, with a byte order mark.
            let reports = [
                ("a-live.json", #"{"format":"ssm-contract.live-report","version":1}"#),
                ("b-serve.json", "\u{FEFF}{\n  \"format\" : \"ssm-contract.serve-report\", \"version\": 1}"),
                ("nested/c-check-cli.json", #"{ "format": "ssm-contract.check-cli-report", "version": 1 }"#),
            ]
            try FileManager.default.createDirectory(
                at: rec.appendingPathComponent("nested"),
                withIntermediateDirectories: true
            )
            for (name, text) in reports {
                try text.write(to: rec.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let run = try await BinaryRun.run(["verify", rec.path])
            #expect(run.status == 0, "\(run.err)")
            let skipped = reports.map { rec.appendingPathComponent($0.0).path }.joined(separator: ", ")
            #expect(
                run.out.hasPrefix(
                    "ssm-contract verify: 4 files, 4 responses (0 errors), 3 report files skipped: \(skipped);"
                ),
                "\(run.out)"
            )

            let live = rec.appendingPathComponent("a-live.json").path
            Self.expectRefused(
                try await BinaryRun.run(["verify", live]),
                "ssm-contract: \(live): is an ssm-contract report (\"format\": \"ssm-contract.live-report\"), not a cassette; give cassette files or folders (reports found in a folder are skipped)"
            )
            Self.expectRefused(
                try await BinaryRun.run(["serve", live]),
                "ssm-contract: \(live): is an ssm-contract report (\"format\": \"ssm-contract.live-report\"), not a cassette; give cassette files or folders (reports found in a folder are skipped)"
            )
            Self.expectRefused(
                try await BinaryRun.run(["check", "get-command-invocation", live]),
                "ssm-contract: \(live): is an ssm-contract report (\"format\": \"ssm-contract.live-report\"), not a response body; give the body `aws ssm get-command-invocation --output json` prints"
            )
        }
    }

    @Test func aFolderOfReportsOnlyChecksNothingAndSaysWhatWasSkipped() async throws {
        try await BinaryRun.withFolder { folder in
            let report = folder.appendingPathComponent("report.json")
            let written = try await BinaryRun.run(["verify", "Recordings/aws-docs", "--json", report.path])
            #expect(written.status == 0, "\(written.err)")
            Self.expectRefused(
                try await BinaryRun.run(["verify", folder.path]),
                "ssm-contract: nothing was checked: \(folder.path) holds no cassettes (*.json), 1 report file skipped: \(report.path); give cassette files or folders"
            )
        }
    }

    @Test func serveSkipsTheReportsItsFolderSearchFindsAndNamesThemInItsFirstLine() async throws {
        try await Self.withRecordings { rec in
            let report = rec.appendingPathComponent("serve-report.json")
            var options = ServeRunner.Options()
            options.paths = [rec.path]
            options.server.port = 0
            options.report = report.path
            _ = try await ServeRunner.run(options)  // stops at once, writing its report beside the cassettes
            let lines = LineCollector()
            options.ready = { lines.append($0) }
            options.report = nil
            let outcome = try await ServeRunner.run(options)
            #expect(outcome.exitStatus == .success)
            let line = try #require(lines.all.first)
            #expect(line.hasPrefix("serving 4 cassettes (4 interactions) on http://127.0.0.1:"), "\(line)")
            #expect(line.contains(", 1 report file skipped: \(report.path) — point an SDK at it"), "\(line)")
        }
    }

    @Test func aReportPathThatIsAnInputIsRefusedBeforeAnyWorkAndTheInputIsKept() async throws {
        try await Self.withRecordings { rec in
            let cassette = rec.appendingPathComponent("get-command-invocation-cli-example.json")
            let original = try Data(contentsOf: cassette)
            // Found by the folder search, given as a file, and spelled another way.
            let respelled = rec.path + "/../rec/./get-command-invocation-cli-example.json"
            for (arguments, flag, path) in [
                (["verify", rec.path, "--json", cassette.path], "--json", cassette.path),
                (["verify", cassette.path, "--junit", respelled], "--junit", respelled),
            ] {
                Self.expectRefused(
                    try await BinaryRun.run(arguments),
                    "ssm-contract: \(flag) \(path): is one of the cassettes to verify; writing \(flag) there would overwrite it, so give another path"
                )
            }
            Self.expectRefused(
                try await BinaryRun.run(["serve", cassette.path, "--report", cassette.path]),
                "ssm-contract: --report \(cassette.path): is one of the cassettes to serve; writing --report there would overwrite it, so give another path"
            )
            let body = rec.appendingPathComponent("body.json")
            try #"{"Status":"Success","StatusDetails":"Success"}"#.write(to: body, atomically: true, encoding: .utf8)
            Self.expectRefused(
                try await BinaryRun.run(["check", "get-command-invocation", body.path, "--json", body.path]),
                "ssm-contract: --json \(body.path): is a file this check reads; writing --json there would overwrite it, so give another path"
            )
            #expect(try Data(contentsOf: cassette) == original, "the recording is untouched")
            #expect(try String(contentsOf: body, encoding: .utf8) == #"{"Status":"Success","StatusDetails":"Success"}"#)
        }
    }

    /// docs/verify-and-check.md's `rec` example, run in a folder holding a copy of Recordings/aws-docs as `rec`.
    @Test func theDocsExampleIsWhatTheBinaryPrints() async throws {
        let page = try String(contentsOf: PackageRoot.path("docs/verify-and-check.md"), encoding: .utf8)
        let block = try #require(
            page.components(separatedBy: "as `rec`):\n\n```text\n").dropFirst().first?
                .components(separatedBy: "\n```").first
        )
        var examples: [(arguments: [String], expected: [String], status: Int32?)] = []
        var statusFollows = false
        for line in block.split(separator: "\n").map(String.init) {
            if statusFollows {
                examples[examples.count - 1].status = Int32(line)
                statusFollows = false
            } else if line == "$ echo $?" {
                statusFollows = true
            } else if line.hasPrefix("$ ssm-contract ") {
                examples.append((line.dropFirst(15).split(separator: " ").map(String.init), [], nil))
            } else {
                examples[examples.count - 1].expected.append(line)
            }
        }
        #expect(examples.count == 4)
        try await Self.withRecordings { rec in
            for example in examples {
                let run = try await BinaryRun.run(example.arguments, directory: rec.deletingLastPathComponent())
                let actual = (run.out + run.err).split(separator: "\n").map(String.init)
                #expect(
                    DocsConsoleExampleTests.matches(example.expected, actual),
                    "`ssm-contract \(example.arguments.joined(separator: " "))` printed:\n\(actual.joined(separator: "\n"))"
                )
                #expect(run.status == example.status ?? 0, "\(run.err)")
            }
        }
    }
}
