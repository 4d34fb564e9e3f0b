import Cassettes
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// The miss hint names the recorded request nearest to the one that missed: among those that differ in as many
/// fields, the one whose values are nearest.
@Suite struct ClosestRequestTests {
    @Test func amongEquallyDifferentRequestsTheNearestValueIsNamed() async throws {
        try await withTemporaryFolder { folder in
            let url = try writeCassette(
                [
                    interaction(
                        "ListCommandInvocations",
                        request: ["CommandId": "c-1", "MaxResults": 5],
                        response: #"{"CommandInvocations":[]}"#
                    ),
                    interaction(
                        "ListCommandInvocations",
                        request: ["CommandId": "c-1", "MaxResults": 50],
                        response: #"{"CommandInvocations":[]}"#
                    ),
                    interaction(
                        "GetCommandInvocation",
                        request: ["CommandId": "aaaa-0001", "InstanceId": "i-1"],
                        response: #"{"Status":"Success"}"#
                    ),
                    interaction(
                        "GetCommandInvocation",
                        request: ["CommandId": "zzzz-9999", "InstanceId": "i-1"],
                        response: #"{"Status":"Success"}"#
                    ),
                ],
                in: folder
            )
            let transport = try CassetteTransport(file: url, mode: .replay, upstream: nil)
            let numeric = await #expect(throws: CassetteMissError.self) {
                try await transport.send(ssmRequest("ListCommandInvocations", #"{"CommandId":"c-1","MaxResults":40}"#))
            }
            #expect(numeric?.closestIndex == 1, "MaxResults 40 is nearer 50 than 5: \(String(describing: numeric))")
            let textual = await #expect(throws: CassetteMissError.self) {
                try await transport.send(
                    ssmRequest("GetCommandInvocation", #"{"CommandId":"zzzz-9998","InstanceId":"i-1"}"#)
                )
            }
            #expect(textual?.closestIndex == 3, "zzzz-9998 is one edit from zzzz-9999: \(String(describing: textual))")
        }
    }
}
