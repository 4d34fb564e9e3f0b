import Cassettes
import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

/// `ssm-contract live` against the real moto server standing in for the live account.
@Suite(.serialized) struct LiveRunnerTests {
    static let catalog = PackageRoot.path("Contracts").path

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func options(
        _ moto: MotoServer,
        baseline: URL,
        output: URL,
        source: String? = "mock:moto@5.2.1"
    ) -> LiveOptions {
        var options = LiveOptions()
        options.instanceIDs = ["i-0123456789abcdef0", "i-0fedcba9876543210"]
        options.endpointURL = moto.endpointURL
        options.region = MotoServer.region
        options.source = source
        options.baseline = baseline.path
        options.output = output.path
        options.catalog.catalog = catalog
        options.environment = [
            "AWS_ACCESS_KEY_ID": MotoServer.accessKeyID, "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        ]
        options.venv = PythonTools.venv.path
        options.pollDelay = 0
        options.retryStrategy = .init(random: { 0 }, sleeper: { _ in })
        return options
    }

    /// The four edits that stand for AWS drifting: a member AWS no longer sends, a timestamp AWS used to send as an
    /// exponent, a StatusDetails value AWS did not send before, an error code AWS renamed.
    static func simulateDrift(in baseline: URL) throws {
        try edit(baseline.appendingPathComponent("success-known-output.json")) { operation, text in
            switch operation {
            case "GetCommandInvocation":
                return text.replacingOccurrences(
                    of: #""StandardErrorContent": """#,
                    with: #""StandardErrorContent": "", "StandardErrorUrl": """#
                )
            case "SendCommand":
                let exponent = try Regex(#""RequestedDateTime": (\d)(\d+)\.(\d+)"#)
                return text.replacing(exponent) { match in
                    let (lead, rest, fraction) = (
                        match.output[1].substring!, match.output[2].substring!, match.output[3].substring!
                    )
                    return "\"RequestedDateTime\": \(lead).\(rest)\(fraction)E\(rest.count)"
                }.replacingOccurrences(
                    of: #""StatusDetails": "Details placeholder""#,
                    with: #""StatusDetails": "Pending""#
                )
            default: return text
            }
        }
        try edit(baseline.appendingPathComponent("get-command-invocation-errors.json")) { _, text in
            text.replacingOccurrences(of: #""InvalidCommandId""#, with: #""InvalidCommand""#)
        }
    }

    static func edit(_ file: URL, _ change: (String, String) throws -> String) throws {
        var cassette = try Cassette.load(from: file)
        for index in cassette.interactions.indices {
            var response = cassette.interactions[index].response
            if case .text(let text) = response.body {
                response.body = .text(try change(cassette.interactions[index].operation ?? "", text))
            }
            if response.headers["X-Amzn-ErrorType"] == "InvalidCommandId" {
                response.headers.replaceOrAdd(name: "X-Amzn-ErrorType", value: "InvalidCommand")
            }
            cassette.interactions[index].response = response
        }
        try cassette.save(to: file)
    }

    @Test(.timeLimit(.minutes(3))) func noBaselineThenUpdateThenNoDriftThenSimulatedDrift() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline")
        try await MotoServer.withMotoServer { moto in
            let first = try await LiveRunner.run(
                Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run1"))
            )
            #expect(first.exitStatus == .success)
            #expect(
                first.text.contains(
                    "Drift: no baseline: \(baseline.path) does not exist; run with --update-baseline to create it"
                )
            )
            #expect(!FileManager.default.fileExists(atPath: baseline.path))

            var update = Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run2"))
            update.updateBaseline = true
            let created = try await LiveRunner.run(update)
            #expect(created.exitStatus == .success)
            let catalog = try ScenarioCatalog.load(folder: PackageRoot.path("Contracts"))
            let expected = catalog.scenarios.filter { $0.instances != .offline }.map { "\($0.name).json" }.sorted()
            #expect(
                created.text.contains("baseline: created \(baseline.path) with \(expected.count) fresh cassettes")
            )
            let names = try FileManager.default.contentsOfDirectory(atPath: baseline.path).sorted()
            #expect(names == expected)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                    "baseline", "run1", "run2",
                ]
            )
            let recorded = try Cassette.load(from: baseline.appendingPathComponent("success-known-output.json"))
            #expect(recorded.header.source == .mock(name: "moto", version: moto.version))

            // Same moto, new ids, times and request ids: nothing drifted.
            let json = folder.appendingPathComponent("report.json")
            var again = Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run3"))
            again.json = json.path
            let second = try await LiveRunner.run(again)
            #expect(second.exitStatus == .success)
            #expect(second.drift.items.isEmpty && second.drift.comparedFiles.count == expected.count)
            // The report dates the baseline by its oldest cassette (they are written a few milliseconds apart).
            let oldest = try names.map {
                try Cassette.load(from: baseline.appendingPathComponent($0)).header.recordedAt
            }
            .min()!
            #expect(
                second.text.contains(
                    "Drift since \(oldest) (baseline \(baseline.path), \(expected.count) cassettes compared)"
                )
            )
            #expect(second.text.contains("No drift: response shapes match the baseline."))
            // moto's conformance report: every deviation listed in Contracts/deviations/moto-5.2.1.yaml was observed.
            let listed = try String(
                contentsOf: PackageRoot.path("Contracts/deviations/moto-5.2.1.yaml"),
                encoding: .utf8
            )
            .split(separator: "\n").compactMap { $0.hasPrefix("  - id: ") ? String($0.dropFirst(8)) : nil }
            let held = second.contracts.rows.filter { $0.targets.contains { $0.deviationState == .held } }.map(
                \.contract.id
            )
            #expect(Set(held) == Set(listed) && listed.count == 6, "held \(held), listed \(listed)")
            #expect(second.text.contains("model: no drift"))
            let report = try JSONParser.parse(Data(contentsOf: json))
            #expect(report.objectValue?["exitStatus"] == .number(JSONNumber(0)))
            #expect(report.objectValue?["drift"]?.objectValue?["differences"] == .array([]))

            try Self.simulateDrift(in: baseline)
            let junit = folder.appendingPathComponent("report.xml")
            var drifted = Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run4"))
            drifted.junit = junit.path
            let third = try await LiveRunner.run(drifted)
            #expect(third.exitStatus == .drift)
            #expect(
                third.drift.drift.map(\.description) == [
                    "success-known-output.json SendCommand $.Command.RequestedDateTime type: number (exponent) → number (decimal)",
                    "success-known-output.json SendCommand $.Command.StatusDetails values: Pending → Details placeholder",
                    "success-known-output.json GetCommandInvocation $.StandardErrorUrl: member (string) → (absent)",
                    "get-command-invocation-errors.json GetCommandInvocation outcomes: InvalidCommand (HTTP 400) → InvalidCommandId (HTTP 400)",
                ]
            )
            let page = try String(contentsOf: PackageRoot.path("docs/live.md"), encoding: .utf8)
            for line in third.drift.drift { #expect(page.contains("  DRIFT \(line)\n"), "docs/live.md shows \(line)") }
            #expect(
                third.text.contains(
                    "  DRIFT success-known-output.json GetCommandInvocation $.StandardErrorUrl: member (string) → (absent)\n"
                )
            )
            #expect(third.text.hasSuffix("Result: contracts hold; 4 differences since the baseline (exit 5)\n"))
            let xml = try String(contentsOf: junit, encoding: .utf8)
            #expect(
                xml.contains(#"<testsuite name="ssm-contract live drift" tests="\#(expected.count + 2)" failures="3">"#)
            )
            #expect(xml.contains(#"<testsuite name="ssm-contract live contracts""#))

            // Accepting the drift replaces the baseline atomically and leaves no staging or .previous folder.
            var accept = Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run5"))
            accept.updateBaseline = true
            let accepted = try await LiveRunner.run(accept)
            #expect(accepted.exitStatus == .success)
            #expect(
                accepted.text.contains("baseline: replaced \(baseline.path) with \(expected.count) fresh cassettes")
                    && accepted.text.contains("the 4 differences above are accepted")
            )
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("baseline") } == [
                    "baseline"
                ]
            )
            let afterwards = try await LiveRunner.run(
                Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run6"))
            )
            #expect(afterwards.exitStatus == .success && afterwards.drift.items.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(2))) func aContractFailureExitsOneAndDoesNotUpdateTheBaseline() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let teamRule = folder.appendingPathComponent("team.yaml")
        try """
        contracts:
          - id: team.stdout-not-empty
            statement: Our echo command prints something.
            source: {kind: observed, reference: "the live check sends echo"}
            severity: error
            applies-to:
              - {operation: GetCommandInvocation, at: "$"}
            fields: [StandardOutputContent]
            rule:
              when: {field: Status, one-of: [Success]}
              expect: {field: StandardOutputContent, min-length: 1}
        """.write(to: teamRule, atomically: true, encoding: .utf8)
        let baseline = folder.appendingPathComponent("baseline")
        try await MotoServer.withMotoServer { moto in
            var options = Self.options(moto, baseline: baseline, output: folder.appendingPathComponent("run"))
            options.catalog.contracts = [teamRule.path]
            options.updateBaseline = true
            let outcome = try await LiveRunner.run(options)
            #expect(outcome.exitStatus == .violation)
            #expect(outcome.text.contains("FAIL         team.stdout-not-empty [error]"))
            #expect(outcome.text.contains("baseline: not updated — a contract failed"))
            #expect(outcome.text.hasSuffix("(exit 1)\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: baseline.path))
    }

    /// `live --scenario X` observes part of the catalog: a known deviation of moto that X cannot reach
    /// (errors.documented: moto's HTML 500 for ListCommandInvocations, which this scenario never calls) holds on
    /// what X did observe, and is reported as not exercised — not as stale, and the run does not fail for it.
    @Test(.timeLimit(.minutes(2))) func oneScenarioLeavesTheDeviationsItCannotReachNotExercised() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await MotoServer.withMotoServer { moto in
            var options = Self.options(
                moto,
                baseline: folder.appendingPathComponent("baseline"),
                output: folder.appendingPathComponent("run")
            )
            options.scenarioNames = ["get-command-invocation-errors"]
            let outcome = try await LiveRunner.run(options)
            let row = try #require(outcome.contracts.rows.first { $0.contract.id == "errors.documented" })
            let moto = try #require(row.targets.first { $0.target == "moto-5.2.1" })
            #expect(moto.tally.pass > 0 && moto.tally.fail == 0)
            #expect(moto.deviationState == .notExercised)
            #expect(row.verdict == .pass)
            #expect(!outcome.contracts.hasViolations)
            #expect(outcome.exitStatus == .success)
            #expect(
                outcome.text.contains(" pass — deviation not-exercised: moto does not implement ListCommandInvocations")
            )
            #expect(
                outcome.text.contains(
                    "Known deviations not exercised: errors.documented (moto-5.2.1) — they did not fail"
                )
            )
            #expect(outcome.text.hasSuffix("(exit 0)\n"))
        }
    }

    @Test(.timeLimit(.minutes(2))) func aMockEndpointWithoutSourceIsRefusedSoItIsNeverLabelledLive() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await MotoServer.withMotoServer { moto in
            for source in [nil, "live", "synthetic"] as [String?] {
                let options = Self.options(
                    moto,
                    baseline: folder.appendingPathComponent("b"),
                    output: folder.appendingPathComponent("o"),
                    source: source
                )
                await #expect {
                    _ = try await LiveRunner.run(options)
                } throws: { error in
                    guard let error = error as? RunnerError else { return false }
                    return error.status == .badInput && error.message.contains("is not an AWS endpoint")
                        && error.message.contains("--source mock:NAME@VERSION")
                }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// `--baseline DIR` where DIR exists but holds no cassette of this run's scenarios is not "no drift": bad
    /// input, before anything is sent (the endpoint refuses connections, so a request would end otherwise).
    @Test func aBaselineWithoutThisRunsCassettesIsBadInputBeforeAnythingIsSent() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: baseline, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: baseline.appendingPathComponent("something-else.json"))
        var options = LiveOptions()
        options.instanceIDs = ["i-0123456789abcdef0"]
        options.endpointURL = "http://127.0.0.1:9"
        options.region = "us-east-1"
        options.source = "mock:moto@5.2.1"
        options.baseline = baseline.path
        options.output = folder.appendingPathComponent("fresh").path
        options.catalog.catalog = Self.catalog
        options.environment = [
            "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "s", "HOME": "/nonexistent-home-for-tests",
        ]
        await #expect {
            _ = try await LiveRunner.run(options)
        } throws: { error in
            guard let error = error as? RunnerError else { return false }
            return error.status == .badInput
                && error.message.hasPrefix("--baseline \(baseline.path) holds no cassette of this run's scenarios")
                && error.message.contains("--update-baseline")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fresh").path))
    }

    @Test func missingCredentialsAndOverlappingOutputAreRefusedBeforeAnythingIsSent() async throws {
        var options = LiveOptions()
        options.instanceIDs = ["i-0123456789abcdef0", "i-0fedcba9876543210"]
        options.endpointURL = "http://127.0.0.1:9"
        options.region = "us-east-1"
        options.environment = ["HOME": "/nonexistent-home-for-tests"]
        await #expect {
            _ = try await LiveRunner.run(options)
        } throws: { error in
            guard let error = error as? RunnerError else { return false }
            return error.status == .configuration
                && error.message.hasPrefix("no credentials: read env AWS_ACCESS_KEY_ID (unset)")
        }
        options.environment = [
            "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "s", "HOME": "/nonexistent-home-for-tests",
        ]
        options.source = "mock:moto@5.2.1"
        options.baseline = "/tmp/live-baseline-\(UUID().uuidString)"
        options.output = options.baseline! + "/fresh"
        await #expect {
            _ = try await LiveRunner.run(options)
        } throws: { error in
            (error as? RunnerError).map { $0.status == .badInput && $0.message.contains("overlaps the baseline") }
                ?? false
        }
        options.output = nil
        options.source = "mock:moto@5.2.1"
        options.baseline = "/tmp/\(UUID().uuidString)/live"
        options.updateBaseline = true
        await #expect {
            _ = try await LiveRunner.run(options)
        } throws: { error in
            (error as? RunnerError).map {
                $0.status == .badInput && $0.message.contains("is the folder for live AWS recordings")
            } ?? false
        }
    }
}
