import ContractEngine
import Foundation
import RawJSON
import TestSupport
import Testing

@Suite struct DeviationTests {
    /// moto's GetCommandInvocation: times without a zone, with microseconds.
    static var motoObservation: Observation {
        var observation = Fixtures.gci(
            Fixtures.gciSuccess.with([
                "ExecutionStartDateTime": "2026-11-21T07:24:45.996989",
                "ExecutionEndDateTime": "2026-11-21T07:29:45.996989",
                "ExecutionElapsedTime": "PT5M",
            ])
        )
        observation.target = "moto-5.2.1"
        return observation
    }

    static func deviation(_ id: String, expires: String? = nil) -> Deviation {
        Deviation(
            target: "moto-5.2.1",
            contractID: id,
            reason: "test",
            evidence: nil,
            expires: expires,
            file: "test.yaml"
        )
    }

    @Test func anExpectedFailureDoesNotFailTheRun() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc")])
        )
        let row = try #require(report.rows.first { $0.contract.id == "times.execution-utc" })
        #expect(row.verdict == .expectedFailure)
        #expect(row.targets.first?.deviationState == .held)
        #expect(!report.hasViolations)
    }

    @Test func withoutTheDeviationTheSameFailureFailsTheRun() {
        let report = Fixtures.report([Self.motoObservation])
        #expect(report.hasViolations)
        #expect(Fixtures.failing(report) == ["times.execution-utc"])
    }

    @Test func aDeviationThatNowPassesFailsTheRun() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc"), Self.deviation("status.invocation-enum")])
        )
        let row = try #require(report.rows.first { $0.contract.id == "status.invocation-enum" })
        #expect(row.targets.first?.deviationState == .stale)
        #expect(row.verdict == .fail)
        #expect(report.hasViolations)
    }

    /// Judged on part of what the deviations were observed on (`live --scenario`), a deviation that passes is
    /// "not exercised": it neither fails the run nor counts as an expected failure.
    @Test func aDeviationThatPassesOnPartOfTheCatalogIsNotExercisedNotStale() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc"), Self.deviation("status.invocation-enum")]),
            judgesStaleDeviations: false
        )
        let row = try #require(report.rows.first { $0.contract.id == "status.invocation-enum" })
        #expect(row.targets.first?.deviationState == .notExercised)
        #expect(row.verdict == .pass)
        #expect(!report.hasViolations)
        #expect(report.notExercisedDeviations == ["status.invocation-enum (moto-5.2.1)"])
        #expect(report.text(title: "t").contains("moto-5.2.1: 1 pass — deviation not-exercised: test"))
        // The deviation that fails still holds as an expected failure.
        let held = try #require(report.rows.first { $0.contract.id == "times.execution-utc" })
        #expect(held.targets.first?.deviationState == .held)
    }

    @Test func anExpiredDeviationFailsTheRun() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc", expires: "2026-11-20")])
        )
        let row = try #require(report.rows.first { $0.contract.id == "times.execution-utc" })
        #expect(row.targets.first?.deviationState == .expired)
        #expect(report.hasViolations)
        let current = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc", expires: "2026-11-21")])
        )
        #expect(!current.hasViolations)
    }

    @Test func aDeviationNotJudgedInThisRunIsUnverified() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([
                Self.deviation("times.execution-utc"), Self.deviation("pagination.no-duplicates"),
            ])
        )
        let row = try #require(report.rows.first { $0.contract.id == "pagination.no-duplicates" })
        #expect(row.targets.first?.deviationState == .unverified)
        #expect(!report.hasViolations)
    }

    @Test func deviationsOfTargetsNotInTheRunAreLeftOut() throws {
        let other = Deviation(
            target: "localstack-4.0",
            contractID: "times.execution-utc",
            reason: "test",
            evidence: nil,
            expires: "2000-01-01",
            file: "test.yaml"
        )
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc"), other])
        )
        let row = try #require(report.rows.first { $0.contract.id == "times.execution-utc" })
        #expect(row.targets.map(\.target) == ["moto-5.2.1"])
        #expect(!report.hasViolations)
    }

    @Test func deviationFilesAreCheckedAgainstTheCatalog() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try "target: moto-5.2.1\ndeviations:\n  - id: no.such-contract\n    reason: r\n".write(
            to: url,
            atomically: true,
            encoding: .utf8
        )
        #expect(throws: CatalogError.self) { try DeviationSet.load([url], catalog: Fixtures.catalog) }
        try "target: moto-5.2.1\ndeviations:\n  - id: times.execution-utc\n    reason: r\n    expires: soon\n".write(
            to: url,
            atomically: true,
            encoding: .utf8
        )
        #expect(throws: CatalogError.self) { try DeviationSet.load([url], catalog: Fixtures.catalog) }
        try "target: moto-5.2.1\ndeviations:\n  - id: times.execution-utc\n    reason: r\n    expires: 2030-01-31\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let set = try DeviationSet.load([url], catalog: Fixtures.catalog)
        #expect(set.deviation("times.execution-utc", target: "moto-5.2.1")?.expires == "2030-01-31")
    }

    @Test func reportsRenderEveryFormat() throws {
        let report = Fixtures.report(
            [Self.motoObservation],
            deviations: DeviationSet([Self.deviation("times.execution-utc")])
        )
        let text = report.text(title: "t")
        #expect(text.contains("XFAIL        times.execution-utc"))
        #expect(text.contains("2026-11-21T07:24:45.996989"))
        let json = try JSONParser.parse(JSONWriter.string(report.json))
        #expect(json["summary"]?["violations"] == .bool(false))
        let junit = report.junit(suiteName: "s")
        #expect(junit.contains("<testsuite name=\"s\""))
        #expect(junit.contains("expected failure: test"))
        #expect(DeviationSet.today(Date(timeIntervalSince1970: 1_582_136_283)) == "2020-02-19")
    }
}
