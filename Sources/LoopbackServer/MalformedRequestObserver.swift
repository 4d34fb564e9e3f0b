import NIOCore
import NIOHTTP1

/// Sits behind the HTTP/1.1 decoder and reports each request it could not parse (Hummingbird answers those
/// `400 Bad Request` and closes the connection, without calling any responder); every part and error is passed
/// on untouched.
final class MalformedRequestObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let rejected: @Sendable (LoopbackRejection) -> Void

    init(rejected: @escaping @Sendable (LoopbackRejection) -> Void) { self.rejected = rejected }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A connection that ends in the middle of a request (`invalidEOFState`: the client gave up, or the
        // server closed it after a 413 with the body still coming) is not a request anyone can be answered.
        if let parseError = error as? HTTPParserError, !Self.isEndOfInput(parseError) { rejected(.malformed) }
        context.fireErrorCaught(error)
    }

    static func isEndOfInput(_ error: HTTPParserError) -> Bool {
        if case .invalidEOFState = error { return true }
        return false
    }
}
