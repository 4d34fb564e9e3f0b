import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGINT or SIGTERM instead of dying from it, so a server can stop cleanly and report.
public final class TerminationSignals: @unchecked Sendable {
    // @unchecked: `sources` is only kept alive here (set once in init, never touched again); the stream is Sendable.
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    /// Starts catching SIGINT and SIGTERM (their default action, ending the process, no longer happens);
    /// returns once both are caught; create it before announcing readiness, so a signal sent right after is
    /// neither fatal nor lost.
    public init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        var sigset = sigset_t()
        sigemptyset(&sigset)
        let registered = DispatchSemaphore(value: 0)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            sigaddset(&sigset, number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            return source
        }
        // Dispatch registers a source later, on a queue of its own; until then the signal is ignored and lost.
        // On a loaded machine that was after the URL line: a SIGTERM sent at once never stopped the server.
        for _ in sources { registered.wait() }
        // A parent (a test runner, a CI shell) may have blocked them; a blocked signal would never arrive.
        pthread_sigmask(SIG_UNBLOCK, &sigset, nil)
    }

    /// Returns the first signal that arrives.
    public func next() async -> Int32 {
        for await number in stream { return number }
        return SIGTERM
    }
}
