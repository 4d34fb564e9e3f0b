/// A request the server refused itself, before any handler saw it. A server under test counts these: a client
/// whose every request was refused was not served.
public enum LoopbackRejection: String, Sendable, Hashable, CaseIterable {
    /// The body was longer than ``LoopbackServerLimits/maxBodyBytes`` (or announced itself so): answered
    /// `413 Content Too Large`, the connection closed.
    case bodyTooLarge
    /// Bytes that are not an HTTP/1.1 request (garbage, a TLS hello, an HTTP/2 preface, oversized headers):
    /// answered `400 Bad Request`, the connection closed.
    case malformed
}
