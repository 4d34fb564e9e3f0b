import Cassettes
import ContractEngine
import Foundation
import RawJSON
import TestSupport
import Testing

@testable import ContractRunners

@Suite struct VerifyAndCheckRunnerTests {
    static let catalogPath = PackageRoot.path("Contracts").path

    static func scratch(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ssm-contract-tests-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func check(
        _ body: String,
        operation: String = "get-command-invocation",
        configure: (inout CheckRunner.Options) -> Void = { _ in }
    ) async throws(RunnerError) -> VerifyRunner.Outcome {
        var options = CheckRunner.Options()
        options.operation = operation
        options.catalog.catalog = catalogPath
        configure(&options)
        options.standardInput = { Data(body.utf8) }
        return try await CheckRunner.run(options)
    }

    static func badInput(_ run: () async throws(RunnerError) -> VerifyRunner.Outcome) async -> String? {
        do {
            _ = try await run()
            return nil
        } catch {
            return error.status == .badInput ? error.message : "wrong status \(error.status)"
        }
    }

    @Test func verifyOverTheDocsRecordingsHolds() async throws {
        var options = VerifyRunner.Options()
        options.paths = [PackageRoot.path("Recordings/aws-docs").path]
        options.catalog.catalog = Self.catalogPath
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).xml")
        options.json = json.path
        options.junit = junit.path
        let outcome = try await VerifyRunner.run(options)
        #expect(outcome.exitStatus == .success)
        #expect(outcome.text.contains("INCONCLUSIVE list.plugin-name"))
        #expect(outcome.text.contains("Where AWS's documentation differs"))
        let report = try JSONParser.parse(Data(contentsOf: json))
        #expect(report["summary"]?["responses"]?.intValue == 4)
        #expect(try String(contentsOf: junit, encoding: .utf8).contains("<testcase"))
    }

    @Test func checkExitsOneOnAViolationAndZeroOtherwise() async throws {
        let good =
            "{\"Status\":\"Pending\",\"StatusDetails\":\"Delayed\",\"ResponseCode\":-1,\"ExecutionStartDateTime\":\"\"}"
        #expect(try await Self.check(good).exitStatus == .success)
        let bad =
            "{\"Status\":\"Pending\",\"StatusDetails\":\"Pending\",\"ResponseCode\":0,\"ExecutionStartDateTime\":\"\"}"
        let outcome = try await Self.check(bad)
        #expect(outcome.exitStatus == .violation)
        #expect(outcome.text.contains("FAIL         response-code.not-started"))
        #expect(outcome.text.contains("$.ResponseCode = 0"))
    }

    @Test func checkUsesTheRequestForDetails() async throws {
        let page =
            "{\"CommandInvocations\":[{\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\",\"InstanceId\":\"i-0abcdef1234567890\",\"Status\":\"Success\",\"CommandPlugins\":[{\"Name\":\"aws:runShellScript\",\"Status\":\"Success\"}]}]}"
        #expect(try await Self.check(page, operation: "list-command-invocations").exitStatus == .success)
        let request = try Self.scratch("request.json", "{\"CommandId\":\"1a2b3c4d-1234-4abc-9def-0123456789ab\"}")
        let outcome = try await Self.check(page, operation: "list-command-invocations") { $0.request = request.path }
        #expect(outcome.exitStatus == .violation)
        #expect(outcome.text.contains("FAIL         list.plugins-only-with-details"))
    }

    @Test func unreadableInputIsBadInputNamingTheFile() async throws {
        let html = try Self.scratch("page.html", "<!DOCTYPE html><html><body>500 Internal Server Error</body></html>")
        #expect(
            await Self.badInput { () async throws(RunnerError) in try await Self.check("") { $0.input = html.path } }?
                .contains(
                    "\(html.path): is an HTML page"
                ) == true
        )
        #expect(
            await Self.badInput { () async throws(RunnerError) in try await Self.check("{\"Status\": \"Succ") }?
                .contains(
                    "truncated JSON?"
                ) == true
        )
        #expect(
            await Self.badInput { () async throws(RunnerError) in try await Self.check("{}", operation: "send-command")
            }?.contains(
                "unknown operation \"send-command\""
            ) == true
        )
        #expect(
            await Self.badInput { () async throws(RunnerError) in
                try await Self.check("{}") { $0.catalog.only = ["status.nope"] }
            }?
            .contains("--only") == true
        )
        #expect(
            await Self.badInput { () async throws(RunnerError) in
                try await Self.check("{}") { $0.input = "/no/such/file.json" }
            }?
            .contains("/no/such/file.json") == true
        )
        let deviations = try Self.scratch("moto.yaml", "target: moto-5.2.1\ndeviations: [{id: times.execution-utc}]\n")
        #expect(
            await Self.badInput { () async throws(RunnerError) in
                try await Self.check("{}") { $0.catalog.deviations = [deviations.path] }
            }?.contains("has no \"reason\"") == true
        )
    }

    @Test func verifyRejectsAMalformedCassetteNamingIt() async throws {
        let cassette = try Self.scratch("broken.json", "{\"format\": \"ssm-contract.cassette\", \"version\": 1")
        var options = VerifyRunner.Options()
        options.paths = [cassette.deletingLastPathComponent().path]
        options.catalog.catalog = Self.catalogPath
        do {
            _ = try await VerifyRunner.run(options)
            Issue.record("a truncated cassette was accepted")
        } catch {
            #expect(error.status == .badInput)
            #expect(error.message.contains("broken.json"))
        }
        options.paths = ["/no/such/folder"]
        await #expect(throws: RunnerError.self) { try await VerifyRunner.run(options) }
    }

    @Test func cassetteErrorsNameTheFileAsGiven() async throws {
        let cassette = try Self.scratch("broken.json", "{\"format\": \"ssm-contract.cassette\", \"version\": 1")
        // The same file by a path relative to the working directory: the error line keeps it relative.
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + cassette.path.dropFirst()
        var options = VerifyRunner.Options()
        options.paths = [relative]
        options.catalog.catalog = Self.catalogPath
        await #expect {
            _ = try await VerifyRunner.run(options)
        } throws: { error in
            guard let error = error as? RunnerError else { return false }
            return error.status == .badInput && error.message.hasPrefix("\(relative): is not valid JSON")
        }
    }

    @Test func theCatalogIsFoundFromTheExecutable() throws {
        let root = PackageRoot.url
        let fromBinary = try CatalogLocator.locate(
            explicit: nil,
            environment: [:],
            currentDirectory: URL(fileURLWithPath: "/"),
            executable: try BuiltProducts.ssmContract
        )
        #expect(
            fromBinary.standardizedFileURL.path == root.appendingPathComponent("Contracts").standardizedFileURL.path
        )
        let fromEnvironment = try CatalogLocator.locate(
            explicit: nil,
            environment: ["SSM_CONTRACT_CATALOG": Self.catalogPath],
            currentDirectory: URL(fileURLWithPath: "/"),
            executable: URL(fileURLWithPath: "/usr/bin/x")
        )
        #expect(fromEnvironment.path == Self.catalogPath)
        #expect(throws: RunnerError.self) {
            try CatalogLocator.locate(explicit: "/no/such", environment: [:], currentDirectory: root, executable: root)
        }
    }

    /// A file large enough to be judged in parts on several cores gives the report of one pass over it (the
    /// parts are made small here; `verify` cuts parts of 5,000 interactions).
    @Test func aLargeFileJudgedInPartsGivesTheReportOfOnePass() async throws {
        let recording = try Cassette.load(
            from: PackageRoot.path("Recordings/mock-moto-5.2.1/success-known-output.json")
        )
        var large = recording
        large.interactions = Array(repeating: recording.interactions, count: 200).flatMap { $0 }
        #expect(VerifyRunner.partition(large.interactions.count, width: 2, partSize: 300).count == 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ssm-contract-tests-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("large.json")
        try large.save(to: url)

        let catalog = try ContractCatalog.load(folder: PackageRoot.path("Contracts"))
        let deviations = try DeviationSet.load([PackageRoot.path("Contracts/deviations")], catalog: catalog)
        let engine = ContractEngine(catalog: catalog)
        let inParts = try await VerifyRunner.evaluate([url], engine: engine, partSize: 300)
        let parallel = VerificationReport(engine.finish(inParts), deviations: deviations, today: "2026-11-21")

        var run = engine.makeAccumulator()
        run.addFile()
        let file = try CassetteFile.read(from: url)
        run.addSkipped(
            Observation.forEachObservation(of: file, file: url.standardizedFileURL.path) {
                engine.evaluate($0, into: &run)
            }
        )
        let onePass = VerificationReport(engine.finish(run), deviations: deviations, today: "2026-11-21")
        #expect(parallel.text(title: "t") == onePass.text(title: "t"))
        #expect(parallel.observations == large.interactions.count, "no interaction lost or judged twice")
    }

    /// A cassette reached twice (named twice, or named and inside a folder given too, however spelled) is read
    /// once: verify counts it once and serve serves it once.
    @Test func aCassetteReachedTwiceIsReadOnce() async throws {
        let folder = PackageRoot.path("Recordings/aws-docs").path
        let again = folder + "/../aws-docs/./get-command-invocation-cli-example.json"
        var options = VerifyRunner.Options()
        options.paths = [folder, again, folder]
        let report = try #require(try await VerifyRunner.run(options).report)
        #expect(report.files == 4 && report.observations == 4)
        let search = try CassetteSearch.find([again, folder])
        #expect(search.files.map(\.lastPathComponent).first == "get-command-invocation-cli-example.json")
        #expect(search.files.count == 4, "the file keeps its first place: \(search.files.map(\.relativePath))")
        var serve = ServeRunner.Options()
        serve.paths = [folder, again]
        serve.strict = true
        let lines = LineCollector()
        serve.ready = { lines.append($0) }
        let served = try await ServeRunner.run(serve)
        #expect(lines.all.first?.hasPrefix("serving 4 cassettes (4 interactions) on ") == true, "\(lines.all)")
        #expect(served.summary.unusedCount == 4, "one copy of each interaction, none twice")
    }
}
