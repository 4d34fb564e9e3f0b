import AWSWire
import Foundation
import HTTPTransport
import TestSupport
import Testing

@testable import SSMOperations

/// State-machine tests of the waiter and the paginator over a scripted transport (wire behaviour is tested
/// against moto through libcurl in MotoRoundTripTests).
@Suite struct WaiterAndPaginatorTests {
    final class Delays: @unchecked Sendable {
        // @unchecked: `values` is only touched while holding `lock`.
        private let lock = NSLock()
        private var values: [Double] = []
        var recorded: [Double] { lock.withLock { values } }
        var sleeper: @Sendable (Double) async throws -> Void { { [self] s in lock.withLock { values.append(s) } } }
    }

    func client(_ transport: ScriptedTransport) -> SSMClient {
        let configuration = AWSConfiguration(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s"),
            region: "us-east-1",
            endpoint: try! AWSEndpoint("http://127.0.0.1:9")
        )
        return SSMClient(transport: transport, configuration: configuration, retryStrategy: .none)
    }

    static func invocation(_ status: String) -> Result<HTTPResponse, any Error> {
        ScriptedTransport.json(200, #"{"CommandId":"c","InstanceId":"i-1","Status":"\#(status)"}"#)
    }
    static let doesNotExist = ScriptedTransport.json(400, #"{"__type":"InvocationDoesNotExist"}"#)
    let input = GetCommandInvocationInput(commandId: "c", instanceId: "i-1")

    @Test func retriesOnNotYetVisibleAndInProgressThenSucceeds() async throws {
        let transport = ScriptedTransport([
            Self.doesNotExist, Self.invocation("Pending"), Self.invocation("InProgress"), Self.invocation("Delayed"),
            Self.invocation("Success"),
        ])
        let delays = Delays()
        let result = try await client(transport).waitUntilCommandExecuted(input, delay: 5, sleeper: delays.sleeper)
        #expect(result.outcome == .succeeded)
        #expect(
            result.observations.map { $0.status?.rawValue ?? "error" } == [
                "error", "Pending", "InProgress", "Delayed", "Success",
            ]
        )
        #expect(delays.recorded == [5, 5, 5, 5])
    }

    @Test(arguments: ["Cancelled", "TimedOut", "Failed", "Cancelling"])
    func failureStatusesStop(status: String) async throws {
        let transport = ScriptedTransport([
            Self.invocation("InProgress"), Self.invocation(status), Self.invocation("Success"),
        ])
        let result = try await client(transport).waitUntilCommandExecuted(input, sleeper: Delays().sleeper)
        #expect(result.outcome == .failed(CommandInvocationStatus(rawValue: status)))
        #expect(result.observations.count == 2)
    }

    @Test func otherErrorsStopWithTheError() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(400, #"{"__type":"InvalidInstanceId","Message":"bad"}"#)
        ])
        let result = try await client(transport).waitUntilCommandExecuted(input, sleeper: Delays().sleeper)
        guard case .unexpectedError(let error) = result.outcome else {
            Issue.record("expected unexpectedError, got \(result.outcome)")
            return
        }
        #expect(error.code == "InvalidInstanceId")
    }

    @Test func maxAttemptsAndUnknownStatusesKeepPolling() async throws {
        let transport = ScriptedTransport([Self.invocation("SUCCESS"), Self.doesNotExist, Self.invocation("Pending")])
        let delays = Delays()
        let result = try await client(transport).waitUntilCommandExecuted(
            input,
            delay: 2,
            maxAttempts: 3,
            sleeper: delays.sleeper
        )
        #expect(result.outcome == .maxAttemptsExceeded)
        #expect(result.observations.count == 3)
        #expect(delays.recorded == [2, 2])
    }

    @Test func noSleepingWhenAnswersAreRecorded() async throws {
        let transport = ScriptedTransport(
            [Self.invocation("Pending"), Self.invocation("Success")],
            servesRecordedResponses: true
        )
        let delays = Delays()
        let result = try await client(transport).waitUntilCommandExecuted(input, sleeper: delays.sleeper)
        #expect(result.outcome == .succeeded)
        #expect(delays.recorded.isEmpty)
    }

    @Test func transportFailureKeepsTheObservations() async throws {
        let transport = ScriptedTransport([
            Self.invocation("Pending"), .failure(TransportError(code: .tls, message: "bad cert", url: "x")),
        ])
        do {
            _ = try await client(transport).waitUntilCommandExecuted(input, sleeper: Delays().sleeper)
            Issue.record("expected an interruption")
        } catch {
            #expect(error.observations.count == 1)
            #expect(error.underlying is TransportError)
        }
    }

    @Test func paginatorFollowsNextTokenUntilAbsent() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, #"{"CommandInvocations":[{"InstanceId":"i-1"}],"NextToken":"t1"}"#),
            ScriptedTransport.json(200, #"{"CommandInvocations":[{"InstanceId":"i-2"}],"NextToken":"t2"}"#),
            ScriptedTransport.json(200, #"{"CommandInvocations":[{"InstanceId":"i-3"}],"NextToken":""}"#),
        ])
        var ids: [String] = []
        for try await page in client(transport).listCommandInvocationsPages(
            ListCommandInvocationsInput(commandId: "c", maxResults: 1)
        ) {
            ids += page.value.commandInvocations?.compactMap(\.instanceId) ?? []
        }
        #expect(ids == ["i-1", "i-2", "i-3"])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(
            bodies == [
                #"{"CommandId":"c","MaxResults":1}"#, #"{"CommandId":"c","MaxResults":1,"NextToken":"t1"}"#,
                #"{"CommandId":"c","MaxResults":1,"NextToken":"t2"}"#,
            ]
        )
    }

    @Test func paginatorStopsOnARepeatedToken() async throws {
        let page = ScriptedTransport.json(200, #"{"CommandInvocations":[],"NextToken":"same"}"#)
        let transport = ScriptedTransport([page, page, page])
        await #expect(throws: SSMPaginationLoopError.self) {
            for try await _ in client(transport).listCommandInvocationsPages(ListCommandInvocationsInput()) {}
        }
        #expect(transport.requests.count == 2)
    }
}
