import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import Testing

/// The shape differ on small JSON pairs: what counts as drift, and that values never do.
@Suite struct ResponseShapeTests {
    static func response(
        _ json: String,
        status: Int = 200,
        headers: [(String, String)] = [("Content-Type", "application/x-amz-json-1.1")]
    ) -> RecordedResponse {
        RecordedResponse(status: status, headers: HTTPHeaders(headers), body: .text(json))
    }

    static func shape(
        _ bodies: [String],
        status: Int = 200,
        headers: [(String, String)] = [("Content-Type", "application/x-amz-json-1.1")]
    ) -> ResponseShape {
        var shape = ResponseShape()
        for body in bodies {
            shape.add(response(body, status: status, headers: headers), operation: "GetCommandInvocation")
        }
        return shape
    }

    static func lines(_ old: ResponseShape, _ new: ResponseShape) -> [String] {
        new.differences(from: old, file: "f.json", operation: "GetCommandInvocation").map {
            ($0.isNote ? "note " : "") + $0.description
        }
    }

    @Test func valuesThatAlwaysVaryAreNotDrift() {
        let old = Self.shape(
            [
                #"{"CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3","InstanceId":"i-0123456789abcdef0","ExecutionStartDateTime":"2026-11-21T08:25:01.586Z","ExecutionElapsedTime":"PT0.091S","StandardOutputContent":"Linux a 6.1\n","ResponseCode":0,"Status":"Success"}"#
            ],
            headers: [("Date", "Sat, 21 Nov 2026 08:25:02 GMT"), ("x-amzn-RequestId", "a"), ("Content-Length", "10")]
        )
        let new = Self.shape(
            [
                #"{"CommandId":"189dc2bb-9202-4279-9f9f-5bedbb75c07b","InstanceId":"i-0fedcba9876543210","ExecutionStartDateTime":"2027-01-02T00:00:00.001Z","ExecutionElapsedTime":"PT12.5S","StandardOutputContent":"other output","ResponseCode":2,"Status":"Success"}"#
            ],
            headers: [
                ("Date", "Mon, 04 Jan 2027 10:00:00 GMT"), ("X-Amzn-RequestId", "b"), ("Transfer-Encoding", "chunked"),
            ]
        )
        #expect(Self.lines(old, new) == [])
    }

    @Test func membersAddedAndRemovedAreReportedAtTheOutermostPath() {
        let old = Self.shape([
            #"{"Command":{"CommandId":"x","Targets":[{"Key":"k","Values":["v"]}]},"Gone":{"A":1,"B":[1]}}"#
        ])
        let new = Self.shape([#"{"Command":{"CommandId":"x","Targets":[{"Key":"k","Values":["v"]}],"New":"n"}}"#])
        #expect(
            Self.lines(old, new) == [
                "f.json GetCommandInvocation $.Gone: member (object) → (absent)",
                "f.json GetCommandInvocation $.Command.New: (absent) → member (string)",
            ]
        )
    }

    @Test(arguments: [
        (#"1.54208164084E9"#, #"1542081640.84"#, "number (exponent) → number (decimal)"),
        (#"1542081640.84"#, #""2018-11-13T04:00:40.840Z""#, "number (decimal) → string (ISO-8601 UTC)"),
        (
            #""2018-11-13T04:00:40.840Z""#, #""2018-11-13T04:00:40.840""#,
            "string (ISO-8601 UTC) → string (ISO-8601 without zone)"
        ),
        (#""PT0.091S""#, #""0.091""#, "string (ISO-8601 duration) → string"),
        (#"0"#, #""0""#, "number (integer) → string"),
    ])
    func typeAndTimestampFormChanges(old: String, new: String, expected: String) {
        let lines = Self.lines(Self.shape([#"{"T":\#(old)}"#]), Self.shape([#"{"T":\#(new)}"#]))
        #expect(lines == ["f.json GetCommandInvocation $.T type: \(expected)"])
    }

    @Test func anEmptyStringIsNotAFormOfItsOwn() {
        // In flight the end time is "", later an ISO string: a run that only saw the finished state is no drift.
        let old = Self.shape([#"{"ExecutionEndDateTime":""}"#, #"{"ExecutionEndDateTime":"2026-11-21T08:30:01.586Z"}"#])
        let new = Self.shape([#"{"ExecutionEndDateTime":"2026-11-21T09:00:00.000Z"}"#])
        #expect(Self.lines(old, new) == [])
        #expect(Self.lines(Self.shape([#"{"U":""}"#]), Self.shape([#"{"U":"s3://bucket/key"}"#])) == [])
    }

    @Test func newEnumValuesAreDriftAndVanishedInFlightValuesAreNotes() {
        let old = Self.shape([
            #"{"Status":"InProgress","StatusDetails":"InProgress"}"#,
            #"{"Status":"Success","StatusDetails":"Success"}"#,
        ])
        let new = Self.shape([
            #"{"Status":"Success","StatusDetails":"Success"}"#, #"{"Status":"Failed","StatusDetails":"Undeliverable"}"#,
        ])
        #expect(
            Self.lines(old, new) == [
                "f.json GetCommandInvocation $.Status values: InProgress → Failed",
                "f.json GetCommandInvocation $.StatusDetails values: InProgress → Undeliverable",
            ]
        )
        let vanishedTerminal = Self.lines(
            Self.shape([#"{"Status":"Success"}"#, #"{"Status":"TimedOut"}"#]),
            Self.shape([#"{"Status":"Success"}"#])
        )
        #expect(vanishedTerminal == ["f.json GetCommandInvocation $.Status values: TimedOut → (none)"])
        let vanishedInFlight = Self.lines(
            Self.shape([#"{"Status":"Pending"}"#, #"{"Status":"Success"}"#]),
            Self.shape([#"{"Status":"Success"}"#])
        )
        #expect(vanishedInFlight == ["note f.json GetCommandInvocation $.Status values: Pending → (none)"])
    }

    @Test func errorCodesStatusesAndMessagesWithIdsMasked() {
        let headers = [("Content-Type", "application/x-amz-json-1.1")]
        let old = Self.shape(
            [
                #"{"__type":"InvalidCommandId","Message":"Command 0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3 on i-0123456789abcdef0 not found"}"#
            ],
            status: 400,
            headers: headers
        )
        let sameMasked = Self.shape(
            [
                #"{"__type":"InvalidCommandId","Message":"Command 189dc2bb-9202-4279-9f9f-5bedbb75c07b on i-0fedcba98 not found"}"#
            ],
            status: 400,
            headers: headers
        )
        #expect(Self.lines(old, sameMasked) == [])
        let newMessage = Self.shape(
            [#"{"__type":"InvalidCommandId","message":"Invalid command id."}"#],
            status: 400,
            headers: headers
        )
        #expect(
            Self.lines(old, newMessage) == [
                #"f.json GetCommandInvocation error messages of InvalidCommandId: "Command <uuid> on <instance-id> not found" → "Invalid command id.""#
            ]
        )
        let newCode = Self.shape(
            [#"{"__type":"com.amazon#InvalidCommand:http://internal","message":"x"}"#],
            status: 404,
            headers: headers
        )
        #expect(
            Self.lines(old, newCode) == [
                "f.json GetCommandInvocation outcomes: InvalidCommandId (HTTP 400) → InvalidCommand (HTTP 404)"
            ]
        )
        let html = Self.shape(["<html>oops</html>"], status: 500, headers: [("Content-Type", "text/html")])
        #expect(
            Self.lines(Self.shape(["{}"]), html).contains(
                "f.json GetCommandInvocation outcomes: HTTP 200 → HTTP 500 (not an AWS error)"
            )
        )
    }

    @Test func invocationDoesNotExistVanishingIsANote() {
        var old = Self.shape([#"{"Status":"Success"}"#])
        old.add(Self.response(#"{"__type":"InvocationDoesNotExist"}"#, status: 400), operation: "GetCommandInvocation")
        #expect(
            Self.lines(old, Self.shape([#"{"Status":"Success"}"#])) == [
                "note f.json GetCommandInvocation outcomes: InvocationDoesNotExist (HTTP 400) → (none)"
            ]
        )
    }

    @Test func headerNamesCompareCaseInsensitivelyWithoutVolatileOnes() {
        let old = Self.shape(["{}"], headers: [("Content-Type", "a"), ("Date", "x"), ("x-amzn-RequestId", "1")])
        let same = Self.shape(["{}"], headers: [("content-type", "b"), ("X-Amzn-RequestId", "2")])
        #expect(Self.lines(old, same) == [])
        let added = Self.shape(["{}"], headers: [("Content-Type", "a"), ("X-Amzn-Query-Mode", "true")])
        #expect(Self.lines(old, added) == ["f.json GetCommandInvocation response headers: (none) → x-amzn-query-mode"])
    }

    @Test func messagePatternsMaskEverythingThatVaries() {
        #expect(
            MessagePattern.mask(
                "arn:aws:ssm:us-east-1:123456789012:document/X, account 123456789012, i-0123456789abcdef0, mi-0123456789abcdef0 at 2026-11-21T08:25:01.586Z, 8000 chars"
            )
                == "<arn>, account <account-id>, <instance-id>, <instance-id> at <time>, <n> chars"
        )
    }
}
