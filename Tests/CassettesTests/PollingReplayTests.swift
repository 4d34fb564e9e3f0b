import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

@Suite struct PollingReplayTests {
    static let poll: JSONValue = ["CommandId": "c-1", "InstanceId": "i-12345678"]
    static let sequence =
        ["Pending", "InProgress", "Success"].map {
            interaction("GetCommandInvocation", request: poll, response: #"{"Status":"\#($0)"}"#)
        } + [interaction("ListCommands", request: [:], response: #"{"Commands":[]}"#)]

    @Test func identicalRequestsAreAnsweredInRecordedOrderThenTheLastRepeats() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.sequence, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            var statuses: [String] = []
            for _ in 0..<5 {
                statuses.append(
                    text(
                        try await transport.send(
                            ssmRequest("GetCommandInvocation", #"{"InstanceId":"i-12345678","CommandId":"c-1"}"#)
                        )
                    )
                )
            }
            #expect(
                statuses == [
                    #"{"Status":"Pending"}"#, #"{"Status":"InProgress"}"#, #"{"Status":"Success"}"#,
                    #"{"Status":"Success"}"#, #"{"Status":"Success"}"#,
                ]
            )
            let report = try transport.finish()
            #expect(report.replayed == 5)
            #expect(!report.wroteCassette)
            #expect(report.unused.map(\.description) == ["interactions[3] POST / AmazonSSM.ListCommands {}"])
        }
    }

    @Test func withTheFailPolicyTheFourthCallFailsClearly() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.sequence, in: folder)
            let transport = try CassetteTransport(
                file: url,
                mode: .replay,
                upstream: nil,
                options: .init(exhaustion: .fail)
            )
            for _ in 0..<3 {
                _ = try await transport.send(
                    ssmRequest("GetCommandInvocation", #"{"CommandId":"c-1","InstanceId":"i-12345678"}"#)
                )
            }
            let error = await #expect(throws: CassetteMissError.self) {
                try await transport.send(
                    ssmRequest("GetCommandInvocation", #"{"CommandId":"c-1","InstanceId":"i-12345678"}"#)
                )
            }
            #expect(
                error?.description
                    == "\(url.path): POST / AmazonSSM.GetCommandInvocation {\"CommandId\":\"c-1\",\"InstanceId\":\"i-12345678\"} was asked for the 4th time but the cassette recorded only 3 answers (interactions[0], interactions[1], interactions[2]) and the exhaustion policy is fail; record a longer sequence (SSM_CONTRACT_RECORD_MODE=record) or use ExhaustionPolicy.repeatLast"
            )
        }
    }

    @Test func theStrictOptionMakesFinishThrowOnUnusedInteractions() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.sequence, in: folder)
            let transport = try CassetteTransport(
                file: url,
                mode: .replay,
                upstream: nil,
                options: .init(failsOnUnusedInteractions: true)
            )
            _ = try await transport.send(ssmRequest("ListCommands", "{}"))
            let error = #expect(throws: CassetteUnusedInteractionsError.self) { try transport.finish() }
            #expect(error?.report.unused.map(\.index) == [0, 1, 2])
            #expect(
                error?.description.hasPrefix(
                    "\(url.path): 3 recorded interactions were never used: interactions[0] POST / AmazonSSM.GetCommandInvocation"
                ) == true
            )
        }
    }

    @Test func concurrentIdenticalRequestsEachGetADifferentAnswer() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(Self.sequence, in: folder)
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        text(
                            try await transport.send(
                                ssmRequest("GetCommandInvocation", #"{"CommandId":"c-1","InstanceId":"i-12345678"}"#)
                            )
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(answers) == [#"{"Status":"Pending"}"#, #"{"Status":"InProgress"}"#, #"{"Status":"Success"}"#])
        }
    }
}
