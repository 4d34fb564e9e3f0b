import Cassettes
import Foundation
import TestSupport
import Testing

@testable import ContractRunners

/// `ssm-contract record` against the real moto server, and replay of what it wrote (and of the committed
/// recordings) without any network.
@Suite(.serialized) struct RecordingRunnerTests {
    static let committed = PackageRoot.path("Recordings/mock-moto-5.2.1")

    @Test(.timeLimit(.minutes(3))) func recordsEveryScenarioAgainstMotoAndReplaysThemIdentically() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorded = try await MotoServer.withMotoServer { moto in
            try await RecordingRunner.run(
                RecordingOptions(
                    outputDirectory: folder,
                    source: .init("mock:moto@\(moto.version)")!,
                    environment: [
                        "AWS_ACCESS_KEY_ID": MotoServer.accessKeyID,
                        "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
                        "HOME": "/nonexistent-home-for-tests",
                    ],
                    endpointURL: moto.endpointURL,
                    region: MotoServer.region,
                    retryStrategy: .init(random: { 0 }, sleeper: { _ in }),
                    pollDelay: 0
                )
            ).runs
        }
        // Every scenario but the one that needs --offline-instance-id, in catalog order.
        let catalog = try ScenarioCatalog.load(folder: PackageRoot.path("Contracts"))
        #expect(recorded.map(\.scenario) == catalog.scenarios.filter { $0.instances != .offline }.map(\.name))
        for run in recorded {
            let text = try String(contentsOf: run.cassette, encoding: .utf8)
            #expect(text.contains(#""source": "mock:moto@5.2.1""#))
            #expect(text.contains(#""region": "us-east-1""#))
            #expect(!text.contains(MotoServer.secretAccessKey) && !text.contains(MotoServer.accessKeyID))
            #expect(run.report.interactionCount >= run.steps.count)
        }
        let replayed = try await RecordingRunner.replay(directory: folder, catalog: catalog)
        #expect(replayed.map(\.steps) == recorded.map(\.steps))
        #expect(replayed.allSatisfy { $0.report.recorded == 0 && $0.report.unused.isEmpty })
    }

    @Test func committedMotoRecordingsReplayWithTheExpectedAnswers() async throws {
        let runs = try await RecordingRunner.replay(
            directory: Self.committed,
            catalog: try ScenarioCatalog.load(folder: PackageRoot.path("Contracts"))
        )
        let steps = Dictionary(uniqueKeysWithValues: runs.map { ($0.scenario, $0.steps) })
        let unknown = try #require(steps["get-command-invocation-errors"]?.first)
        #expect(
            unknown.outcome == .serviceError(code: "InvalidCommandId", statusCode: 400, message: "Invalid command id.")
        )
        for step in steps["success-known-output"] ?? [] where step.operation == "ListCommandInvocations" {
            guard case .unreadable(500, let reason) = step.outcome else {
                Issue.record("moto 5.2.1 answered ListCommandInvocations with \(step.outcome)")
                continue
            }
            #expect(reason.contains("HTML page"))
        }
        guard
            case .waited(let outcome, let observations)? = steps["success-known-output"]?.first(where: {
                $0.label.hasPrefix("polled")
            })?.outcome
        else {
            Issue.record("success-known-output has no poll step")
            return
        }
        #expect(outcome == "terminal: Success")
        #expect(observations.count == 1)
    }

    @Test func unknownScenarioIsBadInput() async {
        await #expect {
            _ = try await RecordingRunner.replay(directory: Self.committed, scenarioNames: ["nope"])
        } throws: { error in
            (error as? RunnerError)?.status == .badInput && "\(error)".contains("unknown scenario \"nope\"")
        }
    }

    @Test func missingCredentialsAreAConfigurationError() async {
        let options = RecordingOptions(
            outputDirectory: FileManager.default.temporaryDirectory,
            source: .live,
            environment: ["HOME": "/nonexistent-home-for-tests"],
            endpointURL: "http://127.0.0.1:9",
            region: "us-east-1"
        )
        await #expect {
            _ = try await RecordingRunner.run(options)
        } throws: { error in
            guard let error = error as? RunnerError else { return false }
            return error.status == .configuration
                && error.message.hasPrefix("no credentials: read env AWS_ACCESS_KEY_ID (unset)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func unreachableEndpointExitsFourAndWritesNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withRefusingPort { port in
            let options = RecordingOptions(
                outputDirectory: folder,
                source: CassetteSource("mock:moto@5.2.1")!,
                environment: [
                    "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": "/nonexistent",
                ],
                endpointURL: "http://127.0.0.1:\(port)",
                region: "us-east-1",
                scenarioNames: ["describe-instance-information"],
                retryStrategy: .init(random: { 0 }, sleeper: { _ in })
            )
            await #expect {
                _ = try await RecordingRunner.run(options)
            } throws: { error in
                guard let error = error as? RunnerError else { return false }
                return error.status == .unreachable
                    && error.message.contains("describe-instance-information was not written")
            }
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("describe-instance-information.json").path
            )
        )
    }
}
