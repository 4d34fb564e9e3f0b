import Foundation
import HTTPTransport

/// What a ``LoopbackHTTPServer/Handler`` throws to break the connection instead of answering: how a server
/// under test shows a client a reset or a response cut short.
public enum LoopbackConnectionFault: Error, Sendable {
    /// Close the connection without writing anything.
    case closeWithoutAnswer
    /// Write `response`'s head (with its full `Content-Length`) and only the first `keptBytes` bytes of its
    /// body, then close the connection.
    case truncated(HTTPResponse, keptBytes: Int)
}
