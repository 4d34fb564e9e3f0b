import Cassettes
import ContractEngine
import Foundation
import RawJSON
import TestSupport
import Testing

/// The engine evaluates data rules grouped by subject path, streams observations file by file and merges the
/// per-file runs. These tests hold it to a plain reference evaluation (every scope of every data contract on
/// every observation, one at a time) over the recordings and a generated corpus sample with broken responses:
/// the same tallies and the same findings, in the same order.
@Suite(.serialized) struct EngineEquivalenceTests {
    /// A data contract's results from the reference evaluation.
    struct Reference {
        var tally = Tally()
        /// `file#interaction path` of each fail or inconclusive result, in evaluation order.
        var findings: [String] = []
    }

    /// Every data contract on every observation, scope by scope, with the public rule API.
    static func reference(_ files: [(String, [Observation])], catalog: ContractCatalog) -> [String: [String: Reference]]
    {
        var results: [String: [String: Reference]] = [:]
        for (_, observations) in files {
            for observation in observations {
                guard case .json(let body) = observation.body else { continue }
                for contract in catalog.contracts {
                    guard case .data(let rule) = contract.implementation else { continue }
                    for scope in contract.appliesTo where scope.operation == observation.operation {
                        scope.at.forEachSubject(in: body) { subject, indices in
                            let verdict = rule.evaluate(subject: subject, request: observation.request)
                            var entry = results[observation.target, default: [:]][contract.id, default: Reference()]
                            switch verdict.outcome {
                            case .pass: entry.tally.pass += 1
                            case .fail: entry.tally.fail += 1
                            case .notApplicable: entry.tally.notApplicable += 1
                            case .inconclusive: entry.tally.inconclusive += 1
                            }
                            if verdict.outcome == .fail || verdict.outcome == .inconclusive {
                                // Each field that decided, under the subject (or the request's own path).
                                let subject = scope.at.concrete(indices)
                                for decided in [verdict] + verdict.others {
                                    let path =
                                        decided.field.map { $0.hasPrefix("request.") ? $0 : subject + "." + $0 }
                                        ?? subject
                                    entry.findings.append("\(observation.location) \(path)")
                                }
                            }
                            results[observation.target, default: [:]][contract.id] = entry
                        }
                    }
                }
            }
        }
        return results
    }

    /// The engine as `verify` drives it: one accumulator per file, merged in file order.
    static func engine(_ files: [(String, [Observation])], catalog: ContractCatalog) -> EngineResults {
        let engine = ContractEngine(catalog: catalog)
        var total = engine.makeAccumulator()
        for (_, observations) in files {
            var run = engine.makeAccumulator()
            for observation in observations { engine.evaluate(observation, into: &run) }
            total.merge(run)
        }
        return engine.finish(total)
    }

    /// Compares the engine with the reference; returns how many fail or inconclusive results there were.
    @discardableResult
    static func compare(_ files: [(String, [Observation])]) throws -> Int {
        let catalog = Fixtures.catalog
        let expected = reference(files, catalog: catalog)
        let results = engine(files, catalog: catalog)
        #expect(Set(results.targets) == Set(files.flatMap { $0.1.map(\.target) }))
        var judged = 0
        var found = 0
        for target in results.targets {
            for (index, contract) in catalog.contracts.enumerated() {
                guard case .data = contract.implementation else { continue }
                let want = expected[target]?[contract.id] ?? Reference()
                #expect(results.tally(index, target: target) == want.tally, "\(contract.id) on \(target)")
                let (kept, count) = results.findings(contract.id, target: target)
                #expect(count == want.findings.count, "\(contract.id) on \(target)")
                let paths = kept.map { "\($0.location) \($0.path)" }
                #expect(
                    paths == Array(want.findings.prefix(RunAccumulator.findingLimit)),
                    "\(contract.id) on \(target)"
                )
                judged += want.tally.applicable
                found += want.findings.count
            }
        }
        #expect(judged > 0)
        return found
    }

    static func observations(inFolder folder: URL) throws -> [(String, [Observation])] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        return try files.map {
            (
                $0.lastPathComponent,
                Observation.observations(of: try Cassette.load(from: $0), file: $0.lastPathComponent)
            )
        }
    }

    @Test func recordingsGiveTheReferenceResults() throws {
        var files: [(String, [Observation])] = []
        let root = PackageRoot.path("Recordings")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var urls: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { urls.append(url) }
        }
        for url in urls.sorted(by: { $0.path < $1.path }) {
            files.append(
                (
                    url.lastPathComponent,
                    Observation.observations(of: try Cassette.load(from: url), file: url.lastPathComponent)
                )
            )
        }
        #expect(files.count >= 4)
        try Self.compare(files)
    }

    @Test(.timeLimit(.minutes(3))) func generatedCorpusWithBrokenResponsesGivesTheReferenceResults() throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "engine-equivalence-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = PythonTools.program("python")
        process.arguments = [PackageRoot.path("Benchmarks/generate_corpus.py").path, folder.path, "3", "400"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let files = try Self.observations(inFolder: folder).enumerated().map { fileIndex, file in
            (
                file.0,
                file.1.enumerated().map { i, observation in Self.broken(observation, seed: fileIndex * 10_000 + i) }
            )
        }
        #expect(files.map(\.1.count) == [400, 400, 400])
        // Well over the per-contract finding limit, so the kept findings and the merge's limits are exercised.
        #expect(try Self.compare(files) > RunAccumulator.findingLimit * 3)
    }

    /// Breaks about a third of the responses in one of several ways (deterministically).
    static func broken(_ observation: Observation, seed: Int) -> Observation {
        guard case .json(let body) = observation.body, seed % 3 == 0 else { return observation }
        let changes: [KeyValuePairs<String, JSONValue>] = [
            ["Status": "SUCCESS", "StatusDetails": "In Progress"],
            ["InstanceId": "i-123", "CommandId": "not-a-uuid"],
            ["ResponseCode": 1.5, "ExecutionStartDateTime": "bad"],
            ["ExecutionElapsedTime": "PT", "ExecutionEndDateTime": "2026-01-01T00:00:00+02:00"],
            ["StandardOutputContent": .string(String(repeating: "é", count: 13_000)), "Status": "InProgress"],
            [
                "NextToken": 5,
                "CommandInvocations": [
                    [
                        "CommandId": "x", "Status": "Nope",
                        "CommandPlugins": [["Name": "", "Status": "Delayed", "ResponseCode": 3]],
                    ]
                ],
            ],
            ["Status": .null, "CommandId": .null],
        ]
        var changed = observation
        changed.body = .json(body.json.with(changes[(seed / 3) % changes.count]))
        return changed
    }
}
