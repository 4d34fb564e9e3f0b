import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import Testing

/// Folder-level drift: which cassettes are compared, sources that must not be mixed, and the atomic baseline update.
@Suite struct DriftReportTests {
    static func cassette(
        _ source: CassetteSource,
        bodies: [(String, String)],
        in folder: URL,
        name: String = "s.json"
    ) throws -> URL {
        let interactions = bodies.map { operation, body in
            Interaction(
                request: RecordedRequest(
                    method: "POST",
                    url: "http://127.0.0.1:1/",
                    headers: HTTPHeaders([("X-Amz-Target", "AmazonSSM.\(operation)")]),
                    body: .empty
                ),
                response: RecordedResponse(
                    status: 200,
                    headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")]),
                    body: .text(body)
                ),
                startedAt: "2026-11-21T08:00:00.000Z",
                duration: 0.01
            )
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Cassette(
            header: CassetteHeader(source: source, recordedAt: "2026-11-21T08:00:00.000Z"),
            interactions: interactions
        ).save(to: url)
        return url
    }

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("drift-\(UUID().uuidString)")
    }

    @Test func operationsThatAppearOrVanishAndScenariosWithoutABaselineCassette() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("base")
        let fresh = root.appendingPathComponent("fresh")
        _ = try Self.cassette(.live, bodies: [("SendCommand", "{}"), ("CancelCommand", "{}")], in: base)
        let changed = try Self.cassette(
            .live,
            bodies: [("SendCommand", "{}"), ("ListCommands", #"{"Commands":[]}"#)],
            in: fresh
        )
        let extra = try Self.cassette(.live, bodies: [("SendCommand", "{}")], in: fresh, name: "new.json")
        let report = try DriftReport.compare(
            fresh: [changed, extra],
            baseline: base,
            baselineName: "base",
            model: .skipped("not here")
        )
        #expect(
            report.drift.map(\.description) == [
                "s.json CancelCommand: 1 response → not called",
                "s.json ListCommands: not called → 1 response",
            ]
        )
        #expect(
            report.notes == [
                "new.json: no baseline cassette base/new.json to compare with (it is added by --update-baseline)"
            ]
        )
        #expect(report.baselineRecordedAt == "2026-11-21T08:00:00.000Z" && report.comparedFiles == ["s.json"])
        #expect(report.text.contains("  model: not here\n"))
    }

    @Test func aMockBaselineIsNeverComparedWithLiveRecordings() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("base")
        _ = try Self.cassette(.mock(name: "moto", version: "5.2.1"), bodies: [("SendCommand", "{}")], in: base)
        let live = try Self.cassette(.live, bodies: [("SendCommand", "{}")], in: root.appendingPathComponent("fresh"))
        #expect {
            try DriftReport.compare(fresh: [live], baseline: base, baselineName: "base", model: .skipped("-"))
        } throws: { error in
            (error as? RunnerError).map {
                $0.status == .badInput && $0.message.contains("recorded from mock:moto@5.2.1, this run from live")
            } ?? false
        }
        let newerMoto = try Self.cassette(
            .mock(name: "moto", version: "5.3.0"),
            bodies: [("SendCommand", "{}")],
            in: root.appendingPathComponent("moto")
        )
        let report = try DriftReport.compare(
            fresh: [newerMoto],
            baseline: base,
            baselineName: "base",
            model: .skipped("-")
        )
        #expect(
            report.notes == ["s.json: baseline recorded from mock:moto@5.2.1, this run from mock:moto@5.3.0"]
                && !report.hasDrift
        )
    }

    @Test func baselineReplacementKeepsOtherScenariosAndLeavesNoStagingOrPreviousFolder() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("live")
        _ = try Self.cassette(.live, bodies: [("SendCommand", #"{"old":1}"#)], in: base, name: "a.json")
        _ = try Self.cassette(.live, bodies: [("SendCommand", #"{"kept":1}"#)], in: base, name: "b.json")
        let fresh = try Self.cassette(
            .live,
            bodies: [("SendCommand", #"{"new":1}"#)],
            in: root.appendingPathComponent("fresh"),
            name: "a.json"
        )
        #expect(try BaselineFolder.replace(base, with: [fresh]) == ["a.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["fresh", "live"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["a.json", "b.json"])
        #expect(
            try Cassette.load(from: base.appendingPathComponent("a.json")).interactions.first?.response.body
                == .text(#"{"new":1}"#)
        )
        #expect(
            try Cassette.load(from: base.appendingPathComponent("b.json")).interactions.first?.response.body
                == .text(#"{"kept":1}"#)
        )
        // A fresh cassette that cannot be read fails before the baseline is touched.
        #expect(throws: RunnerError.self) {
            try BaselineFolder.replace(base, with: [root.appendingPathComponent("missing.json")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["fresh", "live"])
        #expect(
            try Cassette.load(from: base.appendingPathComponent("a.json")).interactions.first?.response.body
                == .text(#"{"new":1}"#)
        )
    }
}
