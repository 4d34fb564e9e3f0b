import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended, waited for with `waitpid`.
///
/// Foundation's `Process.waitUntilExit()` waits until its own SIGCHLD handler has reaped the child; in a test
/// process that starts hundreds of children, that handler was once seen to miss an exit, leaving a zombie and a
/// test waiting forever. Waiting on the process id itself cannot miss it.
public enum ProcessExit: Equatable, Sendable {
    /// The process exited with this status.
    case exited(Int32)
    /// A signal (e.g. `SIGKILL`) ended it.
    case signaled(Int32)

    /// Waits (blocking the calling thread) until `process`, already started, has ended.
    public static func wait(for process: Process) -> ProcessExit {
        var status: Int32 = 0
        while true {
            let answer = waitpid(process.processIdentifier, &status, 0)
            if answer == process.processIdentifier { break }
            if answer == -1, errno == EINTR { continue }
            // Foundation reaped it first, so its record of how it ended is complete.
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
                ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
        }
        // The wait status as <sys/wait.h> lays it out: the signal in the low 7 bits, else the exit status above.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
