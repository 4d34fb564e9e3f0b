import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

/// Several cassettes replayed as one (what `ssm-contract serve` uses).
@Suite struct MultiCassetteTransportTests {
    static let get: JSONValue = ["CommandId": "c-1", "InstanceId": "i-12345678"]

    @Test func theClosestRequestIsSearchedOverEveryCassette() async throws {
        try await withTemporaryFolder { folder in
            let far = try writeCassette(
                [interaction("ListCommands", request: ["CommandId": "zzz"], response: "{}")],
                in: folder,
                name: "a.json"
            )
            let near = try writeCassette(
                [interaction("GetCommandInvocation", request: Self.get, response: "{}")],
                in: folder,
                name: "b.json"
            )
            let transport = try MultiCassetteTransport(
                [far, near].map { try CassetteTransport(file: $0, mode: .replay, upstream: nil) }
            )
            #expect(transport.servesRecordedResponses)
            let error = await #expect(throws: CassetteMissError.self) {
                try await transport.send(
                    ssmRequest("GetCommandInvocation", #"{"CommandId":"c-2","InstanceId":"i-12345678"}"#)
                )
            }
            #expect(error?.file == near.path)
            #expect(error?.closestIndex == 0)
            #expect(error?.differences.map(\.field) == ["body.CommandId"])
            let reports = try transport.finish()
            #expect(reports.map(\.replayed) == [0, 0])
            #expect(reports.map(\.unused.count) == [1, 1])
        }
    }

    @Test func aRequestRecordedInTwoCassettesIsAnsweredFromTheFirstThenTheSecond() async throws {
        try await withTemporaryFolder { folder in
            let first = try writeCassette(
                [interaction("GetCommandInvocation", request: Self.get, response: #"{"Status":"InProgress"}"#)],
                in: folder,
                name: "a.json"
            )
            let second = try writeCassette(
                [interaction("GetCommandInvocation", request: Self.get, response: #"{"Status":"Success"}"#)],
                in: folder,
                name: "b.json"
            )
            let transport = try MultiCassetteTransport(
                [first, second].map { try CassetteTransport(file: $0, mode: .replay, upstream: nil) }
            )
            var answers: [String] = []
            for _ in 0..<3 {
                answers.append(
                    text(
                        try await transport.send(
                            ssmRequest("GetCommandInvocation", #"{"InstanceId":"i-12345678","CommandId":"c-1"}"#)
                        )
                    )
                )
            }
            #expect(answers == [#"{"Status":"InProgress"}"#, #"{"Status":"Success"}"#, #"{"Status":"Success"}"#])
            #expect(transport.currentReports.map(\.replayed) == [1, 2])
        }
    }

    @Test func onlyReplayAndOneRecordMissingCassetteCombine() async throws {
        try await withTemporaryFolder { folder in
            let file = try writeCassette([], in: folder)
            let record = try CassetteTransport(
                file: file,
                mode: .record,
                upstream: ScriptedTransport([]),
                options: .init(source: .synthetic)
            )
            let error = #expect(throws: CassetteConfigurationError.self) { try MultiCassetteTransport([record]) }
            #expect(error?.description.contains("mode record cannot be combined with other cassettes") == true)
            let missing = { try CassetteTransport(file: file, mode: .recordMissing, upstream: ScriptedTransport([])) }
            #expect(throws: CassetteConfigurationError.self) {
                try MultiCassetteTransport([try missing(), try missing()])
            }
        }
    }
}
