import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started in a process group of its own, so that everything it starts can be stopped with
/// it: on a timeout the whole group is killed (`SIGKILL` to `-pgid`) and nothing is left running.
struct ChildProcessGroup {
    /// How a run ended.
    enum Ending: Sendable, Equatable {
        /// The process exited with this status (128 + N when killed by signal N).
        case exited(Int32)
        /// It had not exited after the timeout; its group was killed.
        case timedOut
    }

    /// Runs `executable` with `arguments` and `environment`; standard input is `/dev/null`, standard output
    /// and error go to the given files. Waits at most `timeout` seconds.
    ///
    /// - Throws: the `posix_spawn` failure as a `POSIXError`.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        stdout: String,
        stderr: String,
        timeout: Double
    ) async throws -> Ending {
        let pid = try spawn(executable, arguments, environment: environment, stdout: stdout, stderr: stderr)
        // waitpid blocks: it runs on a thread of its own, never on the concurrency pool.
        let exit = Task {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: waitForExit(pid)) }.start()
            }
        }
        let watchdog = Task {
            try await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
            // The leader is not reaped yet (the waiter has not returned), so its pid still names this group.
            kill(-pid, SIGKILL)
        }
        let status = await exit.value
        watchdog.cancel()
        let timedOut = (try? await watchdog.value) != nil
        return timedOut ? .timedOut : .exited(status)
    }

    private static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        stdout: String,
        stderr: String
    ) throws -> pid_t {
        // Darwin's spawn types are opaque pointers the init calls allocate; glibc's are structs.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)  // a new group whose id is the child's pid
        var noSignals = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)  // ssm-contract ignores SIGPIPE; the CLI gets the default back
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        )
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    /// Blocks until `pid` exits; its exit status (128 + signal when killed).
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
