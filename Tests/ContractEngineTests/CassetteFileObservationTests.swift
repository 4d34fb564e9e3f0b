import Cassettes
import ContractEngine
import Foundation
import RawJSON
import TestSupport
import Testing

/// `verify` reads observations straight from a ``CassetteFile`` (bodies left on the file's tape); everything
/// else reads the ``Cassette`` model. These tests hold the two to each other: the same observations on every
/// recording and on edited cassettes, and the same documents refused.
@Suite struct CassetteFileObservationTests {
    /// An observation as text, every member included.
    static func render(_ observation: Observation) -> String {
        let body: String
        switch observation.body {
        case .json(let value): body = "json " + JSONWriter.string(value.json, style: .compact)
        case .error(let error): body = "error \(error)"
        case .unreadable(let reason): body = "unreadable \(reason)"
        }
        let request = observation.request.map { JSONWriter.string($0.json, style: .compact) } ?? "-"
        return [
            observation.operation, request, "\(observation.status.map(String.init) ?? "-")", body,
            "\(observation.time.map { "\($0)" } ?? "-")", observation.location.description, observation.target,
        ].joined(separator: " | ")
    }

    /// The observations and skip count read from the stored file, or nil when the reader rejects the document.
    static func fast(_ json: JSONValue) -> (skipped: Int, observations: [String])? {
        guard let file = try? CassetteFile(tape: JSONTape(json), file: "f.json") else { return nil }
        var observations: [String] = []
        let skipped = Observation.forEachObservation(of: file, file: "f.json") { observations.append(render($0)) }
        return (skipped, observations)
    }

    /// The model's observations and skip count, or nil when `Cassette(json:file:)` rejects the document.
    static func model(_ json: JSONValue) -> (skipped: Int, observations: [String])? {
        guard let cassette = try? Cassette(json: json, file: "f.json") else { return nil }
        var observations: [String] = []
        let skipped = Observation.forEachObservation(of: cassette, file: "f.json") { observations.append(render($0)) }
        return (skipped, observations)
    }

    @Test func recordingsGiveTheModelsObservations() throws {
        let enumerator = FileManager.default.enumerator(
            at: PackageRoot.path("Recordings"),
            includingPropertiesForKeys: nil
        )
        var checked = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let json = try JSONParser.parse(try Data(contentsOf: url))
            let expected = try #require(Self.model(json))
            let actual = try #require(Self.fast(json), "the file reader refused \(url.lastPathComponent)")
            #expect(actual.skipped == expected.skipped)
            #expect(actual.observations == expected.observations, "\(url.lastPathComponent)")
            checked += 1
        }
        #expect(checked >= 4)
    }

    static let valid = """
        {"format":"ssm-contract.cassette","version":1,"source":"mock:moto@5.2.1","recordedAt":"2026-01-01T00:00:00Z","tool":"t",
        "interactions":[
        {"startedAt":"2026-01-01T00:00:00.000Z","duration":0.5,"request":{"method":"POST","url":"u","headers":[["x-amz-TARGET","AmazonSSM.GetCommandInvocation"]],"body":{"json":{"CommandId":"c"}}},
         "response":{"status":200,"headers":[["Content-Type","application/x-amz-json-1.1"]],"body":{"json":{"Status":"Success"}}}},
        {"startedAt":"2026-01-01T00:00:01.000Z","duration":1,"request":{"method":"POST","url":"u","headers":[["X-Amz-Target","GetCommandInvocation"]],"body":{"text":"{\\"CommandId\\": \\"c\\"}"}},
         "response":{"status":400,"headers":[["x-amzn-ErrorType","InvocationDoesNotExist"]],"body":{"json":{"__type":"InvocationDoesNotExist"}}}},
        {"startedAt":"not a time","duration":1,"request":{"method":"POST","url":"u","headers":[],"body":null},
         "response":{"status":200,"headers":[],"body":null}},
        {"startedAt":"2026-01-01T00:00:02.000Z","duration":1,"request":{"method":"GET","url":"u","headers":[["X-Amz-Target","AmazonSSM.ListCommandInvocations"]],"body":null},
         "response":{"status":200,"headers":[],"body":{"text":"<html>oops</html>"}}},
        {"startedAt":"2026-01-01T00:00:03.000Z","duration":1,"request":{"method":"POST","url":"u","headers":[["X-Amz-Target","AmazonSSM.ListCommandInvocations"]],"body":{"text":"not json"}},
         "response":{"status":503,"headers":[],"body":{"text":"<html>busy</html>"}}},
        {"startedAt":"2026-01-01T00:00:04.000Z","duration":1,"request":{"method":"POST","url":"u","headers":[["X-Amz-Target","AmazonSSM.GetCommandInvocation"]],"body":null},
         "response":{"status":200,"headers":[],"body":{"text":"{\\"Status\\":\\"Pending\\""}}}
        ]}
        """

    /// Edits of the valid cassette: each replaces one member (by path) with another value, or removes it.
    static let edits: [(path: [String], value: JSONValue?)] = [
        (["format"], "other"), (["format"], nil), (["version"], 2), (["version"], "1"), (["version"], 1.5),
        (["source"], "mars"),
        (["source"], nil), (["recordedAt"], nil), (["recordedAt"], 1), (["tool"], nil), (["tool"], .null),
        (["region"], "us-east-1"),
        (["region"], 1), (["description"], "d"), (["description"], .array([])), (["citations"], .array(["a", "b"])),
        (["citations"], .array(["a", 1])), (["citations"], "a"), (["pseudonymisation"], .object(JSONObject())),
        (["extra"], .array([])), (["interactions"], nil), (["interactions"], .object(JSONObject())),
        (["interactions"], .array([])),
        (["interactions"], .array([1])),
        (["interactions", "0", "startedAt"], nil), (["interactions", "0", "startedAt"], 5),
        (["interactions", "0", "duration"], nil), (["interactions", "0", "duration"], "1"),
        (["interactions", "0", "request"], nil), (["interactions", "0", "request"], .array([])),
        (["interactions", "0", "response"], nil), (["interactions", "0", "response"], "r"),
        (["interactions", "0", "request", "method"], nil), (["interactions", "0", "request", "url"], 3),
        (["interactions", "0", "request", "headers"], nil),
        (["interactions", "0", "request", "headers"], .array([.array(["a"])])),
        (["interactions", "0", "request", "headers"], .array([.array(["a", 1])])),
        (["interactions", "0", "request", "headers"], .array([.array(["a", "b", "c"])])),
        (["interactions", "0", "request", "headers"], .object(JSONObject())),
        (["interactions", "0", "request", "body"], nil), (["interactions", "0", "request", "body"], "x"),
        (["interactions", "0", "request", "body"], .object(JSONObject())),
        (["interactions", "0", "request", "body"], .object(JSONObject(["json": 1, "text": "a"]))),
        (["interactions", "0", "request", "body"], .object(JSONObject(["text": 1]))),
        (["interactions", "0", "request", "body"], .object(JSONObject(["base64": "AAEC"]))),
        (["interactions", "0", "request", "body"], .object(JSONObject(["base64": "***"]))),
        (["interactions", "0", "request", "body"], .object(JSONObject(["yaml": "a"]))),
        (["interactions", "1", "response", "status"], nil), (["interactions", "1", "response", "status"], "400"),
        (["interactions", "1", "response", "status"], 400.5),
        (["interactions", "1", "response", "status"], 204), (["interactions", "1", "response", "headers"], nil),
        (["interactions", "1", "response", "body"], nil),
        (["interactions", "1", "response", "body"], .object(JSONObject(["base64": "AAEC"]))),
        (["interactions", "1", "response", "body"], .null),
        (
            ["interactions", "1", "response", "body"],
            .object(JSONObject(["text": "{\"__type\":\"com.amazon#ThrottlingException\",\"message\":\"slow\"}"]))
        ),
    ]

    static func edited(_ json: JSONValue, path: ArraySlice<String>, value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        let rest = path.dropFirst()
        switch json {
        case .object(let object):
            if rest.isEmpty, value == nil { return .object(JSONObject(object.members.filter { $0.key != key })) }
            var members = object.members
            if let i = members.firstIndex(where: { $0.key == key }) {
                members[i].value = edited(members[i].value, path: rest, value: value)
            } else {
                members.append(JSONMember(key: key, value: edited(.null, path: rest, value: value)))
            }
            return .object(JSONObject(members))
        case .array(var elements):
            let index = Int(key)!
            elements[index] = edited(elements[index], path: rest, value: value)
            return .array(elements)
        default:
            return json
        }
    }

    @Test func theValidCassetteGivesTheModelsObservations() throws {
        let json = try JSONParser.parse(Self.valid)
        let expected = try #require(Self.model(json))
        let actual = try #require(Self.fast(json))
        #expect(actual.skipped == 1 && expected.skipped == 1)
        #expect(actual.observations.count == 5)
        #expect(actual.observations == expected.observations)
    }

    @Test(arguments: edits.indices) func editedCassettesAreReadAsTheModelReadsThem(_ index: Int) throws {
        let edit = Self.edits[index]
        let json = Self.edited(try JSONParser.parse(Self.valid), path: edit.path[...], value: edit.value)
        let expected = Self.model(json)
        let actual = Self.fast(json)
        #expect(
            (expected == nil) == (actual == nil),
            "\(edit.path) = \(String(describing: edit.value)): refused by one reading only"
        )
        if let actual {
            #expect(actual.skipped == expected?.skipped)
            #expect(actual.observations == expected?.observations)
        }
    }
}
