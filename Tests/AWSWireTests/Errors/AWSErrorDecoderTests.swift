import Foundation
import HTTPTransport
import Testing

@testable import AWSWire

@Suite struct AWSErrorDecoderTests {
    func response(_ status: Int, _ body: String, _ headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8))
    }

    func serviceError(_ outcome: AWSErrorDecoder.Outcome) -> AWSServiceError? {
        if case .service(let error) = outcome { return error }
        return nil
    }

    @Test(arguments: [
        "FooError", "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "aws.protocoltests.restjson#FooError",
        "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
    ])
    func sanitizesEverySmithyForm(raw: String) throws {
        #expect(AWSErrorDecoder.sanitize(raw) == "FooError")
        let fromType = try #require(
            serviceError(AWSErrorDecoder.decode(response(400, #"{"__type":"\#(raw)"}"#), operation: "Op"))
        )
        #expect(fromType.code == "FooError")
        let fromHeader = try #require(
            serviceError(AWSErrorDecoder.decode(response(400, "", [("X-Amzn-Errortype", raw)]), operation: "Op"))
        )
        #expect(fromHeader.code == "FooError")
    }

    @Test func headerWinsOverCodeWhichWinsOverType() throws {
        let both = response(400, #"{"code":"FromCode","__type":"FromType"}"#, [("x-amzn-errortype", "FromHeader")])
        #expect(serviceError(AWSErrorDecoder.decode(both, operation: nil))?.code == "FromHeader")
        let body = response(400, #"{"code":"FromCode","__type":"FromType"}"#)
        #expect(serviceError(AWSErrorDecoder.decode(body, operation: nil))?.code == "FromCode")
    }

    @Test func nestedTypeIsIgnored() {
        let body = response(400, #"{"ErrorDetails":[{"__type":"Nested"}]}"#)
        guard case .unreadable(let status, let reason) = AWSErrorDecoder.decode(body, operation: nil) else {
            Issue.record("a nested __type must not count")
            return
        }
        #expect(status == 400)
        #expect(reason.contains("no __type or code"))
    }

    @Test func messageAndRequestID() throws {
        let body = response(
            400,
            #"{"__type":"InvalidInstanceId","Message":"Instances [[i-1]] not in a valid state"}"#,
            [("x-amzn-RequestId", "req-1")]
        )
        let error = try #require(serviceError(AWSErrorDecoder.decode(body, operation: "SendCommand")))
        #expect(error.message == "Instances [[i-1]] not in a valid state")
        #expect(error.requestID == "req-1")
        #expect(
            error.description
                == "SendCommand failed with InvalidInstanceId (HTTP 400): Instances [[i-1]] not in a valid state [request id req-1]"
        )
    }

    @Test func headerOnlyFiveHundredWithoutBody() throws {
        let error = try #require(
            serviceError(
                AWSErrorDecoder.decode(response(500, "", [("X-Amzn-ErrorType", "InternalServerError")]), operation: nil)
            )
        )
        #expect(error.code == "InternalServerError")
        #expect(error.message == nil)
    }

    @Test(arguments: [
        ("<!DOCTYPE HTML PUBLIC><html><title>500 Internal Server Error</title></html>", "HTML page"),
        (#"{"__type": "Trunc"#, "not JSON"),
        ("[1,2]", "JSON array"),
        ("", "body is empty"),
    ])
    func unreadableBodiesNeverCrash(body: String, expected: String) {
        guard
            case .unreadable(500, let reason) = AWSErrorDecoder.decode(
                response(500, body, [("Content-Type", "text/html")]),
                operation: "X"
            )
        else {
            Issue.record("expected unreadable")
            return
        }
        #expect(reason.contains(expected))
    }

    @Test func unreadableErrorNamesOperationAndStatus() {
        let error = AWSUnreadableErrorResponse(
            operation: "ListCommandInvocations",
            statusCode: 500,
            reason: "the body is an HTML page (text/html), not an AWS JSON error",
            response: HTTPResponse(status: 500)
        )
        #expect(
            error.description
                == "ListCommandInvocations failed with HTTP 500 and no AWS error: the body is an HTML page (text/html), not an AWS JSON error; the endpoint may not implement ListCommandInvocations"
        )
    }
}
