import Cassettes
import Foundation
import HTTPTransport
import Testing

@Suite struct RecordModeTests {
    @Test(arguments: [
        ("replay", RecordMode.replay), ("record", .record), ("record-missing", .recordMissing), ("live", .live),
        ("RECORD-MISSING", .recordMissing), (" live ", .live),
    ])
    func parsesEveryModeFromTheEnvironment(value: String, expected: RecordMode) throws {
        #expect(try RecordMode.fromEnvironment(["SSM_CONTRACT_RECORD_MODE": value]) == expected)
    }

    @Test func unsetOrEmptyGivesTheDefault() throws {
        #expect(try RecordMode.fromEnvironment([:]) == .replay)
        #expect(try RecordMode.fromEnvironment(["SSM_CONTRACT_RECORD_MODE": ""], default: .live) == .live)
    }

    @Test func aBadValueListsTheValidOnes() {
        #expect {
            try RecordMode.fromEnvironment(["SSM_CONTRACT_RECORD_MODE": "recrod"])
        } throws: { error in
            "\(error)"
                == #"SSM_CONTRACT_RECORD_MODE="recrod" is not a record mode; use one of: replay, record, record-missing, live"#
        }
    }

    @Test func recordModesWithoutAnUpstreamOrSourceAreRefused() async throws {
        await withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("new.json")
            for mode in [RecordMode.record, .recordMissing, .live] {
                let error = #expect(throws: CassetteConfigurationError.self) {
                    try CassetteTransport(file: url, mode: mode, upstream: nil)
                }
                #expect(error?.message.contains("no upstream transport was given") == true)
            }
            let noSource = #expect(throws: CassetteConfigurationError.self) {
                try CassetteTransport(file: url, mode: .record, upstream: idleCurlTransport)
            }
            #expect(noSource?.message.contains("set CassetteOptions.source") == true)
            let missing = #expect(throws: CassetteError.self) {
                try CassetteTransport(file: url, mode: .replay, upstream: nil)
            }
            #expect(
                missing?.description
                    == "\(url.path): does not exist; record it first with SSM_CONTRACT_RECORD_MODE=record (or record-missing)"
            )
        }
    }
}
