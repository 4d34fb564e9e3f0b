import Foundation
import HTTPTransport
import TestSupport
import Testing

@testable import AWSWire

/// Sleeps recorded instead of taken.
final class SleepLog: @unchecked Sendable {
    // @unchecked: `delays` is only touched while holding `lock`.
    private let lock = NSLock()
    private var delays: [Double] = []
    var recorded: [Double] { lock.withLock { delays } }
    var sleeper: @Sendable (Double) async throws -> Void {
        { [self] seconds in lock.withLock { delays.append(seconds) } }
    }
}

@Suite struct RetryTests {
    static let configuration = AWSConfiguration(
        credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
        region: "us-east-1",
        endpoint: try! AWSEndpoint("http://127.0.0.1:9")
    )

    func client(
        _ transport: ScriptedTransport,
        draws: Double = 0.5,
        quota: AWSRetryQuota = AWSRetryQuota(),
        log: SleepLog
    ) -> AWSJSONClient {
        AWSJSONClient(
            transport: transport,
            configuration: Self.configuration,
            retryStrategy: AWSRetryStrategy(quota: quota, random: { draws }, sleeper: log.sleeper)
        )
    }

    @Test func backoffIsFullJitterCappedAtTwentySeconds() {
        let strategy = AWSRetryStrategy()
        #expect(strategy.delay(afterAttempt: 1, draw: 1) == 1)
        #expect(strategy.delay(afterAttempt: 2, draw: 1) == 2)
        #expect(strategy.delay(afterAttempt: 3, draw: 0.5) == 2)
        #expect(strategy.delay(afterAttempt: 6, draw: 1) == 20)
        #expect(strategy.delay(afterAttempt: 10, draw: 0.25) == 5)
        #expect(strategy.delay(afterAttempt: 4, draw: 0) == 0)
    }

    @Test(arguments: [
        ScriptedTransport.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#),
        ScriptedTransport.json(500, #"{"__type":"InternalServerError"}"#),
        ScriptedTransport.json(503, "<html>busy</html>"),
        ScriptedTransport.json(400, #"{"__type":"RequestTimeoutException"}"#),
        .failure(TransportError(code: .connectionReset, message: "reset", url: "x")),
    ])
    func retryableFailuresAreRetriedThenSucceed(failure: Result<HTTPResponse, any Error>) async throws {
        let transport = ScriptedTransport([failure, failure, ScriptedTransport.json(200, #"{"Commands":[]}"#)])
        let log = SleepLog()
        let quota = AWSRetryQuota()
        let response = try await client(transport, quota: quota, log: log).send(operation: "ListCommands")
        #expect(response.attempts == 3)
        #expect(log.recorded == [0.5, 1.0])
        #expect(
            transport.requests.map { $0.headers["amz-sdk-request"] } == [
                "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3",
            ]
        )
        let ids = Set(transport.requests.compactMap { $0.headers["amz-sdk-invocation-id"] })
        #expect(ids.count == 1)
        // Two retries took 5 each; the success refunds the last one.
        #expect(quota.availableCapacity == 500 - 10 + 5)
    }

    @Test func threeAttemptsThenTheLastErrorIsThrown() async throws {
        let throttle = ScriptedTransport.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
        let transport = ScriptedTransport([throttle, throttle, throttle, throttle])
        let log = SleepLog()
        await #expect(throws: AWSServiceError.self) {
            try await client(transport, log: log).send(operation: "ListCommands")
        }
        #expect(transport.requests.count == 3)
        #expect(log.recorded.count == 2)
    }

    @Test(arguments: [
        #"{"__type":"InvocationDoesNotExist"}"#, #"{"__type":"UnrecognizedClientException","message":"bad"}"#,
        #"{"__type":"InvalidSignatureException"}"#, #"{"__type":"ValidationException","message":"1 validation error"}"#,
        #"{"__type":"AccessDeniedException"}"#,
    ])
    func nonRetryableErrorsAreThrownAtOnce(body: String) async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(400, body), ScriptedTransport.json(200, "{}")])
        let log = SleepLog()
        await #expect(throws: AWSServiceError.self) {
            try await client(transport, log: log).send(operation: "GetCommandInvocation")
        }
        #expect(transport.requests.count == 1)
        #expect(log.recorded.isEmpty)
    }

    @Test func timeoutsCostTenTokensAndSuccessWithoutRetryAddsOne() async throws {
        let quota = AWSRetryQuota()
        let timeout = Result<HTTPResponse, any Error>.failure(TransportError(code: .timeout, message: "slow", url: "x"))
        let transport = ScriptedTransport([
            timeout, ScriptedTransport.json(200, "{}"), ScriptedTransport.json(200, "{}"),
        ])
        let c = client(transport, quota: quota, log: SleepLog())
        _ = try await c.send(operation: "ListCommands")
        #expect(quota.availableCapacity == 500)  // took 10, refunded 10 (capped at 500)
        _ = try await c.send(operation: "ListCommands")
        #expect(quota.availableCapacity == 500)  // +1, still capped
    }

    @Test func emptyQuotaStopsRetrying() async throws {
        let quota = AWSRetryQuota(maximumCapacity: 7)
        let error = ScriptedTransport.json(503, #"{"__type":"ServiceUnavailable"}"#)
        let transport = ScriptedTransport([error, error, error])
        await #expect(throws: AWSServiceError.self) {
            try await client(transport, quota: quota, log: SleepLog()).send(operation: "ListCommands")
        }
        #expect(transport.requests.count == 2)  // one retry paid 5 of 7; the second could not be paid
        #expect(quota.availableCapacity == 2)
    }

    @Test func noSleepingWhenResponsesAreRecorded() async throws {
        let throttle = ScriptedTransport.json(400, #"{"__type":"Throttling"}"#)
        let transport = ScriptedTransport([throttle, ScriptedTransport.json(200, "{}")], servesRecordedResponses: true)
        let log = SleepLog()
        let response = try await client(transport, log: log).send(operation: "ListCommands")
        #expect(response.attempts == 2)
        #expect(log.recorded.isEmpty)
    }

    @Test func cassetteMissesAndUnknownErrorsAreNotRetried() {
        struct CassetteMiss: Error {}
        #expect(AWSRetryClassifier.classify(CassetteMiss()) == nil)
        #expect(AWSRetryClassifier.classify(TransportError(code: .tls, message: "", url: "")) == nil)
        #expect(AWSRetryClassifier.classify(TransportError(code: .connectTimeout, message: "", url: "")) == .timeout)
        #expect(
            AWSRetryClassifier.classify(AWSMalformedResponseError(operation: "X", statusCode: 200, reason: "")) == nil
        )
    }

    @Test func eachAttemptIsSignedAtTheClockTime() async throws {
        let throttle = ScriptedTransport.json(400, #"{"__type":"Throttling"}"#)
        let transport = ScriptedTransport([throttle, ScriptedTransport.json(200, "{}")])
        let ticks = TickingClock(start: Date(timeIntervalSince1970: 1_700_000_000))
        var c = client(transport, log: SleepLog())
        c.clock = AWSClock { ticks.next() }
        _ = try await c.send(operation: "ListCommands")
        #expect(transport.requests.map { $0.headers["X-Amz-Date"] } == ["20231114T221320Z", "20231114T221321Z"])
        #expect(Set(transport.requests.compactMap { $0.headers["Authorization"] }).count == 2)
    }
}

/// A clock that advances one second per read.
final class TickingClock: @unchecked Sendable {
    // @unchecked: `current` is only touched while holding `lock`.
    private let lock = NSLock()
    private var current: Date
    init(start: Date) { current = start }
    func next() -> Date {
        lock.withLock {
            defer { current += 1 }
            return current
        }
    }
}
