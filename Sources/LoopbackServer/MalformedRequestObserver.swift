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
        if error is HTTPParserError { rejected(.malformed) }
        context.fireErrorCaught(error)
    }
}
