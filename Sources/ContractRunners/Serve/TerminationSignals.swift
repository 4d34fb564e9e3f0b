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
    /// create it before announcing readiness, so a signal sent right after is not fatal.
    public init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        var sigset = sigset_t()
        sigemptyset(&sigset)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            sigaddset(&sigset, number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        // A parent (a test runner, a CI shell) may have blocked them; a blocked signal would never arrive.
        pthread_sigmask(SIG_UNBLOCK, &sigset, nil)
    }

    /// Returns the first signal that arrives.
    public func next() async -> Int32 {
        for await number in stream { return number }
        return SIGTERM
    }
}
