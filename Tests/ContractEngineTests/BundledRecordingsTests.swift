import Cassettes
import ContractEngine
import Foundation
import TestSupport
import Testing

/// The committed `Recordings/` reach every contract: each passes on at least one target, none fails but the
/// listed deviations, and the recordings hold the situations the headline contracts are about.
@Suite struct BundledRecordingsTests {
    static func observations() throws -> [Observation] {
        let root = PackageRoot.path("Recordings")
        var observations: [Observation] = []
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "json" {
            observations += Observation.observations(of: try Cassette.load(from: file), file: file.lastPathComponent)
        }
        return observations
    }

    @Test func everyContractPassesOnSomeTargetAndNoneFailsUnlisted() throws {
        let deviations = try DeviationSet.load([PackageRoot.path("Contracts/deviations")], catalog: Fixtures.catalog)
        let report = Fixtures.report(try Self.observations(), deviations: deviations)
        for row in report.rows {
            #expect(row.targets.contains { $0.tally.pass > 0 }, "\(row.contract.id) never passes over Recordings/")
            #expect(
                !row.targets.contains { $0.breaksRun(row.contract.severity) },
                "\(row.contract.id) breaks the run over Recordings/"
            )
        }
        #expect(!report.hasViolations)
    }

    @Test func theRecordingsHoldEverySituationTheHeadlineContractsNeed() throws {
        var statuses: Set<String> = []
        var truncatedStdout = false
        var multibyteCut = false
        var truncatedPluginOutput = false
        var pendingWithMinusOne = false
        for observation in try Self.observations() {
            guard case .json(let body) = observation.body else { continue }
            if observation.operation == "GetCommandInvocation" {
                let status = body["Status"]?.stringValue ?? ""
                statuses.insert(status)
                if let stdout = body["StandardOutputContent"]?.stringValue, stdout.hasSuffix("--output truncated--") {
                    truncatedStdout = true
                    if stdout.contains("\u{FFFD}") { multibyteCut = true }
                }
                if ["Pending", "InProgress"].contains(status), body["ResponseCode"]?.intValue == -1,
                    body["StandardOutputContent"]?.stringValue == "", body["ExecutionEndDateTime"]?.stringValue == ""
                {
                    pendingWithMinusOne = true
                }
            }
            for invocation in body["CommandInvocations"]?.arrayValue ?? [] {
                for plugin in invocation["CommandPlugins"]?.arrayValue ?? []
                where plugin["Output"]?.stringValue?.hasSuffix("\n---Error truncated----") == true {
                    truncatedPluginOutput = true
                }
            }
        }
        for wanted in ["Pending", "InProgress", "Success", "Failed", "TimedOut", "Cancelled"] {
            #expect(statuses.contains(wanted), "no GetCommandInvocation with Status \(wanted) in Recordings/")
        }
        #expect(pendingWithMinusOne, "no in-flight answer with ResponseCode -1, empty output and empty end time")
        #expect(truncatedStdout && multibyteCut && truncatedPluginOutput)
    }
}
