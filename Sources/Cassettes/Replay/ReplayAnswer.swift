import Foundation
import HTTPTransport

/// A response replay gives, with how long the recorded exchange took (for servers that pace their answers).
public struct ReplayAnswer: Sendable {
    /// The response, byte for byte as recorded (or as received, when just recorded).
    public let response: HTTPResponse
    /// Seconds the recorded exchange took; `nil` when the answer was just recorded from the upstream.
    public let recordedDuration: Double?

    /// An answer from its parts.
    public init(response: HTTPResponse, recordedDuration: Double?) {
        self.response = response
        self.recordedDuration = recordedDuration
    }
}
