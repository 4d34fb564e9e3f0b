import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGINT and SIGTERM instead of dying from them, so a command can stop cleanly and report.
///
/// A `sigaction` handler writes the signal's number to a pipe, which is all it does (async-signal-safe); a thread
/// of its own reads the pipe and hands the number to ``next()``. Whichever thread the kernel picks, the handler
/// runs, so no signal is lost. (libdispatch's signal sources are not used: on Linux they read signals through
/// signalfd, and with the disposition set to SIG_IGN, as they need, the kernel dropped SIGINT and SIGTERM whenever
/// the main thread, parked in `dispatch_main`'s `sigsuspend` with nothing blocked, was the one it targeted; a test
/// that sent SIGINT to `serve` hung on it.)
///
/// Create one per process, before announcing readiness, so a signal sent right after is not fatal.
public final class TerminationSignals: Sendable {
    private let stream: AsyncStream<Int32>

    /// Starts catching SIGINT and SIGTERM (their default action, ending the process, no longer happens).
    public init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        let readEnd = terminationSignalPipe.readEnd  // created here, never inside the handler
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = terminationSignalHandler
            #else
            action.__sigaction_u.__sa_handler = terminationSignalHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        let reader = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    continuation.yield(Int32(byte))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        reader.name = "ssm-contract signals"
        reader.start()
    }

    /// Waits for the next SIGINT or SIGTERM and returns its number; `nil` when the waiting task is cancelled.
    public func next() async -> Int32? {
        for await number in stream { return number }
        return nil
    }
}

/// The pipe from the signal handler to the reader thread: created once, never changed (a constant, so the handler,
/// which can capture nothing, can reach it). The write end does not block: a flood of signals never stalls a
/// thread inside the handler.
private let terminationSignalPipe = SignalPipe()

private struct SignalPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { preconditionFailure("pipe() failed: errno \(errno)") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        readEnd = ends[0]
        writeEnd = ends[1]
    }
}

private func terminationSignalHandler(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(terminationSignalPipe.writeEnd, &byte, 1)
}
