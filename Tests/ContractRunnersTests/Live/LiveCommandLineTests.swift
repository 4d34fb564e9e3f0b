import Foundation
import TestSupport
import Testing

/// The built `ssm-contract live`, run as a cron job runs it, against the real moto server.
@Suite(.serialized) struct LiveCommandLineTests {
    static func run(
        _ arguments: [String],
        environment: [String: String]
    ) async throws -> (status: Int32, out: String, err: String) {
        let run = try await BuiltCLI.run(arguments, environment: environment)
        return (run.status, run.out, run.err)
    }

    @Test(.timeLimit(.minutes(3))) func endToEndAgainstMoto() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home-for-tests",
            "AWS_ACCESS_KEY_ID": MotoServer.accessKeyID, "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "SSM_CONTRACT_VENV": PythonTools.venv.path,
        ]
        let baseline = folder.appendingPathComponent("baseline").path
        try await MotoServer.withMotoServer { moto in
            let common = [
                "live", "--instance-id", "i-0123456789abcdef0", "--endpoint-url", moto.endpointURL, "--region",
                "us-east-1",
                "--baseline", baseline, "--poll-delay", "0",
            ]
            let refused = try await Self.run(
                common + ["--output", folder.appendingPathComponent("refused").path],
                environment: environment
            )
            #expect(refused.status == 2)
            #expect(refused.out.isEmpty && refused.err.split(separator: "\n").count == 1)
            #expect(
                refused.err.hasPrefix("ssm-contract: \(moto.endpointURL) is not an AWS endpoint and no --source given")
            )

            let source = ["--source", "mock:moto@\(moto.version)"]
            let created = try await Self.run(
                common + source + ["--output", folder.appendingPathComponent("run1").path, "--update-baseline"],
                environment: environment
            )
            #expect(created.status == 0, "\(created.err)")
            #expect(
                created.out.hasPrefix(
                    "ssm-contract live: recorded 14 scenarios from \(moto.endpointURL) (mock:moto@\(moto.version))"
                )
            )
            #expect(
                created.out.contains(
                    "Drift: no baseline: \(baseline) does not exist; run with --update-baseline to create it"
                )
            )
            #expect(created.out.contains("baseline: created \(baseline) with 14 fresh cassettes"))

            let json = folder.appendingPathComponent("live.json").path
            let again = try await Self.run(
                common + source + ["--output", folder.appendingPathComponent("run2").path, "--json", json],
                environment: environment
            )
            #expect(again.status == 0, "\(again.err)")
            #expect(again.out.contains("Summary: 41 contracts"))
            #expect(again.out.contains("No drift: response shapes match the baseline."))
            let report = try String(contentsOf: URL(fileURLWithPath: json), encoding: .utf8)
            #expect(report.contains(#""format": "ssm-contract.live-report""#) && report.contains(#""exitStatus": 0"#))

            var noCredentials = environment
            noCredentials["AWS_ACCESS_KEY_ID"] = nil
            noCredentials["AWS_SECRET_ACCESS_KEY"] = nil
            let missing = try await Self.run(common + source, environment: noCredentials)
            #expect(missing.status == 3)
            #expect(missing.err.hasPrefix("ssm-contract: no credentials: read env AWS_ACCESS_KEY_ID (unset)"))
        }
    }
}
