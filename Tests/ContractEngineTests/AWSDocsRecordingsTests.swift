import Cassettes
import ContractEngine
import Foundation
import TestSupport
import Testing

/// `Recordings/aws-docs/` is generated from AWS's documentation examples (see ``AWSDocsExamples``); these
/// tests keep the files reproducible and pin the suite's verdicts on AWS's own examples.
@Suite(.serialized) struct AWSDocsRecordingsTests {
    static let folder = PackageRoot.path("Recordings/aws-docs")

    @Test func committedCassettesAreWhatTheExamplePagesGive() throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        let regenerate = ProcessInfo.processInfo.environment["SSM_CONTRACT_REGENERATE_AWS_DOCS"] == "1"
        for example in AWSDocsExamples.examples {
            let cassette = try AWSDocsExamples.cassette(example)
            let url = Self.folder.appendingPathComponent(example.name)
            if regenerate { try cassette.save(to: url) }
            let saved = try Cassette.load(from: url)
            #expect(saved == cassette, "\(example.name) differs from its page; run `make aws-docs-recordings`")
            #expect(saved.header.source == .awsDocs && !saved.header.citations.isEmpty)
        }
    }

    @Test func awsExamplesBreakNoRuleButTheDocumentedPluginList() throws {
        var observations: [Observation] = []
        for example in AWSDocsExamples.examples {
            let url = Self.folder.appendingPathComponent(example.name)
            observations += Observation.observations(of: try Cassette.load(from: url), file: example.name)
        }
        #expect(observations.count == 4)
        let report = Fixtures.report(observations)
        #expect(Fixtures.failing(report).isEmpty)
        let inconclusive = report.rows.filter { $0.verdict == .inconclusive }
        #expect(inconclusive.map(\.contract.id) == ["list.plugin-name"])
        let findings = inconclusive.flatMap { $0.targets.flatMap(\.findings) }
        // AWS's 2020 example runs aws:updateSsmAgent; the documented list says aws:updateSSMAgent.
        #expect(
            findings.map(\.location.file) == [
                "list-command-invocations-cli-example.json", "list-command-invocations-cli-example.json",
            ]
        )
        #expect(findings.allSatisfy { $0.value == "\"aws:updateSsmAgent\"" })
        // The 2017 example's aws:runShellScript is on the documented list.
        let pluginName = try #require(report.rows.first { $0.contract.id == "list.plugin-name" })
        #expect(pluginName.targets.first?.tally.pass == 1)
    }
}
