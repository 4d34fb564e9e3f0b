import Foundation
import HTTPTransport
import LoopbackServer

/// A loopback-server handler that answers with a queue of responses, in order; once the queue is empty it
/// answers `500` with a body saying the script ran out (so a test sees the surplus request).
public final class ScriptedResponses: @unchecked Sendable {  // the queue is guarded by `lock`
    private let lock = NSLock()
    private var queue: [HTTPResponse]

    /// Creates a script answering `responses` in order.
    public init(_ responses: [HTTPResponse]) { queue = responses }

    /// The handler to pass to ``LoopbackHTTPServer/withServer(host:port:handler:_:)``.
    public var handler: LoopbackHTTPServer.Handler {
        { _ in self.next() }
    }

    /// Responses not served yet.
    public var remaining: Int {
        lock.lock()
        defer { lock.unlock() }
        return queue.count
    }

    private func next() -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        guard !queue.isEmpty else {
            return HTTPResponse(
                status: 500,
                headers: ["Content-Type": "text/plain"],
                body: Data("script exhausted\n".utf8)
            )
        }
        return queue.removeFirst()
    }
}

/// A one-shot gate: tasks ``wait()`` until someone calls ``open()`` (handlers that must not answer until the
/// test says so). Opening twice is harmless; waiting on an open gate returns at once.
public final class Gate: @unchecked Sendable {  // `isOpen` and `waiters` are guarded by `lock`
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a closed gate.
    public init() {}

    /// Suspends until the gate is open.
    public func wait() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            lock.lock()
            if isOpen {
                lock.unlock()
                waiter.resume()
            } else {
                waiters.append(waiter)
                lock.unlock()
            }
        }
    }

    /// Opens the gate and releases every waiter.
    public func open() {
        lock.lock()
        isOpen = true
        let released = waiters
        waiters.removeAll()
        lock.unlock()
        for waiter in released { waiter.resume() }
    }
}
