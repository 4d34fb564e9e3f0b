import Foundation
import HTTPTransport
import RawJSON

/// An awsJson1_1 client over any ``HTTPTransport``: `POST /` with `X-Amz-Target: <prefix>.<Operation>`, signed
/// with SigV4 on every attempt, retried by the standard retry mode.
///
/// ```swift
/// let client = AWSJSONClient(transport: transport, configuration: configuration)
/// let response = try await client.send(operation: "ListCommands", body: [:])
/// ```
///
/// Errors thrown: ``AWSServiceError`` (the service answered an AWS error), ``AWSUnreadableErrorResponse``
/// (a non-2xx answer that is not an AWS error, e.g. an HTML page), ``AWSMalformedResponseError`` (a 2xx body
/// that is not a JSON object), `TransportError` (no response), and whatever the transport throws otherwise
/// (a cassette miss).
public struct AWSJSONClient: Sendable {
    /// The transport every attempt goes through.
    public let transport: any HTTPTransport
    /// Credentials, region and endpoint.
    public let configuration: AWSConfiguration
    /// The service's wire names.
    public let service: AWSServiceDescriptor
    /// The retry policy (its quota is shared by every call of this client).
    public var retryStrategy: AWSRetryStrategy
    /// The clock read for `X-Amz-Date` at every attempt.
    public var clock: AWSClock
    /// The `User-Agent` header.
    public var userAgent: String
    /// Makes the `amz-sdk-invocation-id` of each call (a random UUID by default).
    public var makeInvocationID: @Sendable () -> String

    /// The default `User-Agent`.
    public static let defaultUserAgent = "\(ToolIdentity.name)/\(ToolIdentity.version) (awsJson1_1; libcurl)"

    /// Creates a client.
    public init(
        transport: any HTTPTransport,
        configuration: AWSConfiguration,
        service: AWSServiceDescriptor = .ssm,
        retryStrategy: AWSRetryStrategy = .standard,
        clock: AWSClock = .system,
        userAgent: String = AWSJSONClient.defaultUserAgent,
        makeInvocationID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.transport = transport
        self.configuration = configuration
        self.service = service
        self.retryStrategy = retryStrategy
        self.clock = clock
        self.userAgent = userAgent
        self.makeInvocationID = makeInvocationID
    }

    /// Calls `operation` with a JSON body (`{}` for no input), retrying retryable failures.
    public func send(operation: String, body: JSONValue = [:]) async throws -> AWSJSONResponse {
        let payload = JSONWriter.data(body)
        let invocationID = makeInvocationID()
        let strategy = retryStrategy
        var lastRetryCost: Int?
        var attempt = 1
        while true {
            let request = signedRequest(
                operation: operation,
                payload: payload,
                invocationID: invocationID,
                attempt: attempt,
                maxAttempts: strategy.maxAttempts
            )
            do {
                let response = try await attemptOnce(operation: operation, request: request, attempt: attempt)
                strategy.quota.recordSuccess(lastRetryCost: lastRetryCost)
                return response
            } catch {
                guard attempt < strategy.maxAttempts, let reason = AWSRetryClassifier.classify(error),
                    let cost = strategy.quota.acquire(afterTimeout: reason == .timeout)
                else { throw error }
                lastRetryCost = cost
                let delay = strategy.delay(afterAttempt: attempt, draw: strategy.random())
                if !transport.servesRecordedResponses { try await strategy.sleeper(delay) }
                attempt += 1
            }
        }
    }

    /// The request of one attempt, signed at the clock's current time.
    public func signedRequest(
        operation: String,
        payload: Data,
        invocationID: String,
        attempt: Int,
        maxAttempts: Int
    ) -> HTTPRequest {
        let endpoint = configuration.endpoint
        let headers: HTTPHeaders = [
            "Host": endpoint.hostHeader,
            "X-Amz-Target": "\(service.targetPrefix).\(operation)",
            "Content-Type": "application/x-amz-json-1.1",
            "User-Agent": userAgent,
            "amz-sdk-invocation-id": invocationID,
            "amz-sdk-request": "attempt=\(attempt); max=\(maxAttempts)",
        ]
        let request = HTTPRequest(method: "POST", url: endpoint.requestURL, headers: headers, body: payload)
        let signer = SigV4Signer(region: configuration.region, service: service.signingName)
        return signer.sign(request, credentials: configuration.credentials, date: clock.now)
    }

    private func attemptOnce(operation: String, request: HTTPRequest, attempt: Int) async throws -> AWSJSONResponse {
        let response = try await transport.send(request)
        guard (200..<300).contains(response.status) else {
            switch AWSErrorDecoder.decode(response, operation: operation) {
            case .service(let error): throw error
            case .unreadable(let status, let reason):
                throw AWSUnreadableErrorResponse(
                    operation: operation,
                    statusCode: status,
                    reason: reason,
                    response: response
                )
            }
        }
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            return AWSJSONResponse(operation: operation, raw: [:], http: response, attempts: attempt)
        }
        let raw: JSONValue
        do {
            raw = try JSONParser.parse(response.body)
        } catch {
            throw AWSMalformedResponseError(
                operation: operation,
                statusCode: response.status,
                reason: "the body is not JSON: \(error)"
            )
        }
        guard case .object = raw else {
            throw AWSMalformedResponseError(
                operation: operation,
                statusCode: response.status,
                reason: "the body is a JSON \(raw.typeName), not an object"
            )
        }
        return AWSJSONResponse(operation: operation, raw: raw, http: response, attempts: attempt)
    }
}
