import Cassettes
import ContractRunners
import Foundation
import RawJSON
import TestSupport
import Testing

/// `har export` and `har import`: HAR 1.2 that other tools read, the way back byte for byte, redaction on
/// import, and the entries that are not SSM skipped and counted.
@Suite struct HARTests {
    static func folderCassettes(_ folder: String) throws -> [URL] { try VerifyRunnerFiles.sorted(folder) }

    @Test(arguments: ["Recordings/mock-moto-5.2.1", "Recordings/aws-docs"])
    func aRoundTripKeepsTheBytesAndTheVerdicts(folder: String) async throws {
        try await ServeFixtures.withTemporaryFolder { temporary in
            for original in try Self.folderCassettes(folder) {
                let cassette = try Cassette.load(from: original)
                let har = temporary.appendingPathComponent(original.deletingPathExtension().lastPathComponent + ".har")
                #expect(try HARRunner.export(cassette: original.path, output: har.path) == nil)
                let back = temporary.appendingPathComponent(original.lastPathComponent)
                let line = try HARRunner.importHAR(har.path, output: back.path, source: cassette.header.source)
                #expect(
                    line
                        == "imported \(cassette.interactions.count) \(cassette.interactions.count == 1 ? "interaction" : "interactions") from \(har.path) into \(back.path)\n"
                )
                #expect(try Cassette.load(from: back).fileData == cassette.fileData, "\(original.lastPathComponent)")
            }
            var before = VerifyRunner.Options()
            var after = VerifyRunner.Options()
            before.paths = [PackageRoot.path(folder).path]
            after.paths = [temporary.path]
            let (a, b) = (try await VerifyRunner.run(before), try await VerifyRunner.run(after))
            #expect(a.exitStatus == b.exitStatus)
            #expect(Self.verdicts(a.report?.json) == Self.verdicts(b.report?.json))
            #expect(a.report?.json["summary"] == b.report?.json["summary"])
        }
    }

    /// Each contract's verdict and per-target tallies, without file paths.
    static func verdicts(_ report: JSONValue?) -> [String] {
        (report?["contracts"]?.arrayValue ?? []).map { contract in
            let targets = (contract["targets"]?.arrayValue ?? []).map { target in
                ["target", "pass", "fail", "inconclusive", "notApplicable", "findingCount"].map {
                    JSONWriter.string(target[$0] ?? .null)
                }.joined(separator: " ")
            }
            return "\(contract["id"]?.stringValue ?? "?") \(contract["verdict"]?.stringValue ?? "?") \(targets)"
        }
    }

    @Test func theExportIsHAR12WithPostDataContentAndTimings() throws {
        let file = PackageRoot.path("Recordings/mock-moto-5.2.1/success-known-output.json")
        let cassette = try Cassette.load(from: file)
        let har = try JSONParser.parse(Data(try #require(try HARRunner.export(cassette: file.path, output: nil)).utf8))
        #expect(har["log"]?["version"]?.stringValue == "1.2")
        #expect(har["log"]?["creator"]?["name"]?.stringValue == "ssm-contract")
        let entries = try #require(har["log"]?["entries"]?.arrayValue)
        #expect(entries.count == cassette.interactions.count)
        let first = entries[0]
        let interaction = cassette.interactions[0]
        #expect(first["startedDateTime"]?.stringValue == interaction.startedAt)
        #expect(first["time"]?.doubleValue == interaction.duration * 1000)
        #expect(first["timings"]?["wait"]?.doubleValue == interaction.duration * 1000)
        #expect(
            first["request"]?["postData"]?["text"]?.stringValue
                == String(decoding: interaction.request.body.data, as: UTF8.self)
        )
        #expect(first["request"]?["postData"]?["mimeType"]?.stringValue == "application/x-amz-json-1.1")
        #expect(
            first["response"]?["content"]?["text"]?.stringValue
                == String(decoding: interaction.response.body.data, as: UTF8.self)
        )
        #expect(first["response"]?["status"]?.intValue == interaction.response.status)
        #expect(first["request"]?["headers"]?[0]?["name"]?.stringValue == interaction.request.headers.first?.name)
    }

    /// A capture as a browser or proxy writes it: one SSM call with a live signature and token, one page load.
    static let capture = """
        {"log": {"version": "1.2", "creator": {"name": "a proxy", "version": "1"}, "entries": [
          {"startedDateTime": "2026-11-21T09:00:00.250+01:00", "time": 84.5,
           "request": {"method": "POST", "url": "https://ssm.eu-west-1.amazonaws.com/", "httpVersion": "HTTP/1.1",
             "headers": [{"name": ":authority", "value": "ssm.eu-west-1.amazonaws.com"},
                         {"name": "Content-Type", "value": "application/x-amz-json-1.1"},
                         {"name": "X-Amz-Target", "value": "AmazonSSM.GetCommandInvocation"},
                         {"name": "X-Amz-Security-Token", "value": "FwoGZXIvYXdzEXAMPLETOKENnotreal"},
                         {"name": "Authorization", "value": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/eu-west-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=\(String(repeating: "ab", count: 32))"}],
             "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 30,
             "postData": {"mimeType": "application/x-amz-json-1.1", "text": "{\\"CommandId\\":\\"abc\\",\\"InstanceId\\":\\"i-0123456789abcdef0\\"}"}},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "redirectURL": "",
             "headers": [{"name": "Content-Type", "value": "application/x-amz-json-1.1"}],
             "content": {"size": 20, "mimeType": "application/x-amz-json-1.1", "text": "{\\"Status\\":\\"Success\\"}"}, "headersSize": -1, "bodySize": 20},
           "cache": {}, "timings": {"send": 0, "wait": 84.5, "receive": 0}},
          {"startedDateTime": "2026-11-21T08:00:01.000Z", "time": 10,
           "request": {"method": "GET", "url": "https://console.aws.amazon.com/", "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [], "content": {"size": 0, "mimeType": "text/html"}, "redirectURL": "", "headersSize": -1, "bodySize": 0},
           "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 0}}
        ]}}
        """

    @Test func importRedactsAsRecordingDoesAndCountsWhatItSkips() throws {
        try ServeFixtures.withTemporaryFolderSync { folder in
            let har = folder.appendingPathComponent("capture.har")
            try Data(Self.capture.utf8).write(to: har)
            let output = folder.appendingPathComponent("imported.json")
            let line = try HARRunner.importHAR(har.path, output: output.path, source: .live)
            #expect(
                line
                    == "imported 1 interaction from \(har.path) into \(output.path); skipped 1 entry (1 not awsJson1_1)\n"
            )
            let text = try String(contentsOf: output, encoding: .utf8)
            #expect(
                !text.contains("FwoGZXIvYXdzEXAMPLETOKENnotreal") && !text.contains("AKIAIOSFODNN7EXAMPLE")
                    && !text.contains(String(repeating: "ab", count: 32))
            )
            let cassette = try Cassette.load(from: output)
            let interaction = try #require(cassette.interactions.first)
            #expect(cassette.header.source == .live)
            #expect(interaction.startedAt == "2026-11-21T08:00:00.250Z")
            #expect(interaction.duration == 0.085, "cassettes keep durations to the millisecond")
            #expect(interaction.request.headers[":authority"] == nil)
            #expect(interaction.request.headers["X-Amz-Security-Token"] == RedactionOptions.sessionTokenMarker)
            #expect(interaction.response.body == .json(["Status": "Success"]))
            // Not again without --force; and a mock's traffic is never labelled live.
            #expect(throws: RunnerError.self) { try HARRunner.importHAR(har.path, output: output.path, source: .live) }
            let mockHAR = folder.appendingPathComponent("mock.har")
            try Data(
                Self.capture.replacingOccurrences(
                    of: "https://ssm.eu-west-1.amazonaws.com/",
                    with: "http://127.0.0.1:5000/"
                ).utf8
            ).write(to: mockHAR)
            let mislabelled = #expect(throws: RunnerError.self) {
                try HARRunner.importHAR(
                    mockHAR.path,
                    output: folder.appendingPathComponent("m.json").path,
                    source: .live
                )
            }
            #expect(mislabelled?.message.contains("not an AWS endpoint, so it is not live") == true)
        }
    }

    @Test func aHARWithoutSSMTrafficOrNotHARAtAllIsBadInput() throws {
        try ServeFixtures.withTemporaryFolderSync { folder in
            let pageOnly = folder.appendingPathComponent("page.har")
            try Data(
                #"{"log":{"version":"1.2","entries":[{"startedDateTime":"2026-11-21T08:00:01.000Z","time":1,"request":{"method":"GET","url":"https://example.com/","headers":[]},"response":{"status":200,"headers":[],"content":{"size":0}}}]}}"#
                    .utf8
            ).write(to: pageOnly)
            let none = #expect(throws: RunnerError.self) {
                try HARRunner.importHAR(
                    pageOnly.path,
                    output: folder.appendingPathComponent("a.json").path,
                    source: .synthetic
                )
            }
            #expect(none?.status == .badInput)
            #expect(
                none?.message
                    == "\(pageOnly.path): no awsJson1_1 entry (POST with X-Amz-Target and an application/x-amz-json-1.1 body) among 1 entries; nothing to import"
            )
            let notHAR = folder.appendingPathComponent("x.har")
            try Data(#"{"hello":"world"}"#.utf8).write(to: notHAR)
            let bad = #expect(throws: RunnerError.self) {
                try HARRunner.importHAR(
                    notHAR.path,
                    output: folder.appendingPathComponent("b.json").path,
                    source: .synthetic
                )
            }
            #expect(
                bad?.message
                    == "\(notHAR.path): not a HAR file (no \"log\" object); export one from your browser's DevTools or proxy as HAR"
            )
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.json").path))
        }
    }
}

extension ServeFixtures {
    /// Runs `body` with a fresh temporary folder, removed afterwards.
    static func withTemporaryFolderSync<R>(_ body: (URL) throws -> R) throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("har-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }
}
