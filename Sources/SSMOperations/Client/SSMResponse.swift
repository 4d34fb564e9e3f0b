import HTTPTransport
import RawJSON

/// A typed SSM response with the raw JSON and the HTTP exchange it was decoded from.
public struct SSMResponse<Value: Sendable>: Sendable {
    /// The typed output.
    public let value: Value
    /// The body exactly as sent (member order and number literals kept), for contracts that judge the wire.
    public let raw: JSONValue
    /// The final HTTP response.
    public let http: HTTPResponse
    /// How many attempts the call took.
    public let attempts: Int

    /// Creates a response.
    public init(value: Value, raw: JSONValue, http: HTTPResponse, attempts: Int) {
        self.value = value
        self.raw = raw
        self.http = http
        self.attempts = attempts
    }
}

extension SSMResponse: Equatable where Value: Equatable {}
extension SSMResponse: Hashable where Value: Hashable {}
