import AWSWire
import Foundation
import HTTPTransport
import RawJSON

/// Typed AWS Systems Manager operations over an ``AWSWire/AWSJSONClient``.
///
/// ```swift
/// let ssm = SSMClient(transport: transport, configuration: try AWSConfigurationResolver.resolve(inputs))
/// let sent = try await ssm.sendCommand(SendCommandInput(documentName: "AWS-RunShellScript", instanceIds: [id]))
/// let result = try await ssm.waitUntilCommandExecuted(commandId: sent.value.command!.commandId!, instanceId: id)
/// ```
///
/// Every operation returns an ``SSMResponse`` (typed value, raw JSON, HTTP response) and throws what
/// ``AWSWire/AWSJSONClient/send(operation:body:)`` throws, plus ``AWSWire/AWSMalformedResponseError`` when a
/// 2xx body has a member of the wrong type.
public struct SSMClient: Sendable {
    /// The awsJson1_1 client underneath.
    public let wire: AWSJSONClient

    /// Wraps a configured awsJson1_1 client.
    public init(wire: AWSJSONClient) { self.wire = wire }

    /// Creates a client for SSM over `transport`.
    public init(
        transport: any HTTPTransport,
        configuration: AWSConfiguration,
        retryStrategy: AWSRetryStrategy = .standard,
        clock: AWSClock = .system
    ) {
        self.wire = AWSJSONClient(
            transport: transport,
            configuration: configuration,
            service: .ssm,
            retryStrategy: retryStrategy,
            clock: clock
        )
    }

    /// Whether the transport answers from a recording (waiters and backoff then skip their delays).
    public var servesRecordedResponses: Bool { wire.transport.servesRecordedResponses }

    /// Calls an operation with an encodable input and decodes its output.
    public func call<Input: Encodable, Output: Decodable & Sendable>(
        _ operation: String,
        _ input: Input,
        as output: Output.Type = Output.self
    ) async throws -> SSMResponse<Output> {
        let response = try await wire.send(operation: operation, body: try Self.encode(input))
        return SSMResponse(
            value: try Self.decode(Output.self, from: response.raw, operation: operation, status: response.http.status),
            raw: response.raw,
            http: response.http,
            attempts: response.attempts
        )
    }

    /// Encodes an input as a JSON object with sorted keys (absent optionals are left out).
    static func encode<Input: Encodable>(_ input: Input) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSONParser.parse(try encoder.encode(input))
    }

    /// Decodes a typed value from a raw body, naming the member on a type mismatch.
    public static func decode<Output: Decodable>(
        _ type: Output.Type,
        from raw: JSONValue,
        operation: String,
        status: Int = 200
    ) throws(AWSMalformedResponseError) -> Output {
        do {
            return try JSONDecoder().decode(Output.self, from: JSONWriter.data(raw))
        } catch let error as DecodingError {
            throw AWSMalformedResponseError(operation: operation, statusCode: status, reason: Self.describe(error))
        } catch {
            throw AWSMalformedResponseError(operation: operation, statusCode: status, reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "member \(path(context.codingPath)) is not a \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "member \(path(context.codingPath)) is null where a \(type) is expected"
        case .keyNotFound(let key, let context):
            return "member \(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return "member \(path(context.codingPath)) is unreadable: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
