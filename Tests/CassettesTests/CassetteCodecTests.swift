import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

@Suite struct CassetteCodecTests {
    @Test func compactJSONBodiesAreStoredAsJSONAndReplayByteForByte() throws {
        let raw = Data(#"{"CommandId":"x","RequestedDateTime":1.54208164084E9}"#.utf8)
        let body = RecordedBody(capturing: raw)
        guard case .json = body else {
            Issue.record("expected JSON storage, got \(body)")
            return
        }
        #expect(body.data == raw)
        let pretty = Data("{\n \"a\": 1\n}".utf8)
        #expect(RecordedBody(capturing: pretty) == .text("{\n \"a\": 1\n}"))
        #expect(RecordedBody(capturing: Data([0xFF, 0x00])) == .binary(Data([0xFF, 0x00])))
    }

    @Test func cassetteRoundTripsThroughItsFile() throws {
        let interaction = Interaction(
            request: RecordedRequest(
                method: "POST",
                url: "https://ssm.us-east-1.amazonaws.com/",
                headers: ["X-Amz-Target": "AmazonSSM.GetCommandInvocation"],
                body: .json(["CommandId": "c"])
            ),
            response: RecordedResponse(
                status: 200,
                headers: ["Content-Type": "application/x-amz-json-1.1"],
                body: .json(["Status": "Success"])
            ),
            startedAt: "2026-11-21T07:40:00.000Z",
            duration: 0.25
        )
        let cassette = Cassette(
            header: CassetteHeader(
                source: .mock(name: "moto", version: "5.2.1"),
                recordedAt: "2026-11-21T07:40:00Z",
                region: "us-east-1"
            ),
            interactions: [interaction]
        )
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try cassette.save(to: url)
        let loaded = try Cassette.load(from: url)
        #expect(loaded == cassette)
        #expect(loaded.interactions.first?.operation == "GetCommandInvocation")
    }

    @Test(arguments: [
        (#"{"format":"ssm-contract.cassette","version":1"#, "is not valid JSON"),
        (
            #"{"format":"ssm-contract.cassette","version":9,"source":"live","recordedAt":"x","tool":"t","interactions":[]}"#,
            "version: format version 9 is not supported"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t"}"#,
            "interactions: is missing"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"aws","recordedAt":"x","tool":"t","interactions":[]}"#,
            "source: \"aws\" is not a known source"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[],"body":null},"response":{"status":"200","headers":[],"body":null}}]}"#,
            "interactions[0].response.status: is a string, not an integer"
        ),
        ("[1,2]", ": is an array, not an object"),
        (#"{"format":"vcr","version":1}"#, "format: is \"vcr\", not \"ssm-contract.cassette\""),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","tool":"t","interactions":[]}"#,
            "recordedAt: is missing"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"mock:moto","recordedAt":"x","tool":"t","interactions":[]}"#,
            "source: \"mock:moto\" is not a known source"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":{}}"#,
            "interactions: is an object, not an array"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[]},"response":{"status":200,"headers":[],"body":null}}]}"#,
            "interactions[0].request.body: is missing"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[],"body":{"yaml":"a: 1"}},"response":{"status":200,"headers":[],"body":null}}]}"#,
            "interactions[0].request.body.yaml: is not a valid body"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[],"body":{"json":{},"text":""}},"response":{"status":200,"headers":[],"body":null}}]}"#,
            "interactions[0].request.body: must be null or an object with exactly one of json, text, base64"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[],"body":null},"response":{"status":200,"headers":[],"body":{"base64":"***"}}}]}"#,
            "interactions[0].response.body.base64: is not valid base64"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","duration":1,"request":{"method":"POST","url":"u","headers":[["a"]],"body":null},"response":{"status":200,"headers":[],"body":null}}]}"#,
            "interactions[0].request.headers[0]: is not a [name, value] pair of strings"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","interactions":[{"startedAt":"x","request":{"method":"POST","url":"u","headers":[],"body":null},"response":{"status":200,"headers":[],"body":null}}]}"#,
            "interactions[0].duration: is missing"
        ),
        (
            #"{"format":"ssm-contract.cassette","version":1,"source":"live","recordedAt":"x","tool":"t","pseudonymisation":{"kinds":["email"],"salt":"AA==","keyed":false},"interactions":[]}"#,
            "pseudonymisation.kinds[0]: \"email\" is not a pseudonym kind"
        ),
    ])
    func malformedCassettesNameFileAndField(content: String, expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(content.utf8).write(to: url)
        do {
            _ = try Cassette.load(from: url)
            Issue.record("loaded a malformed cassette")
        } catch {
            #expect(error.description.hasPrefix(url.path + ": "))
            #expect(!error.description.contains("\n"), "one line")
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
