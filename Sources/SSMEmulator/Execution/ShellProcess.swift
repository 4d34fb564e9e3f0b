import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `sh SCRIPT` run in its own process group (its pid is the group id), with standard input from `/dev/null`
/// and standard output and error appended to files, as the agent runs a runShellScript step.
///
/// Started with `posix_spawn` and `POSIX_SPAWN_SETPGROUP`, so killing the group (``killGroup()``) ends the script
/// and everything it started, as the agent does on a timeout or a cancel.
struct ShellProcess: Sendable {
    /// The shell's pid, also its process group id.
    let pid: pid_t

    /// Starts `/bin/sh script` in `directory` (which must exist).
    ///
    /// - Throws: ``SpawnError`` with the failing call and `errno`'s text.
    static func start(
        script: String,
        directory: String,
        stdout: String,
        stderr: String,
        environment: [String: String]
    ) throws(SpawnError) -> ShellProcess {
        // Darwin's spawn types are opaque pointers the init calls allocate; glibc's are structs.
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)

        // glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift: a first sh changes directory and
        // replaces itself (exec) with the script's sh, so the pid and group stay the same.
        let arguments = ["sh", "-c", "cd -- \"$1\" && exec /bin/sh \"$2\"", "sh", directory, script]
        let variables = environment.map { "\($0.key)=\($0.value)" }.sorted()
        var pid: pid_t = 0
        let result = withCStrings(arguments) { argv in
            withCStrings(variables) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
            }
        }
        guard result == 0 else { throw SpawnError(call: "posix_spawn /bin/sh", code: result) }
        return ShellProcess(pid: pid)
    }

    /// Sends SIGKILL to the whole process group.
    func killGroup() {
        _ = killpg(pid, SIGKILL)
    }

    /// How the shell ended: Go's `WaitStatus.ExitStatus()` (the exit status, or -1 when a signal ended it) and
    /// the text Go's `exec.ExitError` gives (`exit status 3`, `signal: killed`).
    struct Termination: Sendable {
        let exitCode: Int
        let description: String
    }

    /// Waits (on a thread of its own, never a Swift concurrency thread) for the shell to end.
    func termination() async -> Termination {
        let pid = self.pid
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                var status: Int32 = 0
                var answer: pid_t
                repeat { answer = waitpid(pid, &status, 0) } while answer == -1 && errno == EINTR
                guard answer == pid else {
                    return continuation.resume(
                        returning: Termination(exitCode: -1, description: "wait: \(String(cString: strerror(errno)))")
                    )
                }
                let signal = status & 0x7f
                guard signal != 0 else {
                    let code = Int((status >> 8) & 0xff)
                    return continuation.resume(
                        returning: Termination(exitCode: code, description: "exit status \(code)")
                    )
                }
                continuation.resume(
                    returning: Termination(exitCode: -1, description: "signal: \(Self.signalName(signal))")
                )
            }
            thread.start()
        }
    }

    /// Go's `syscall.Signal.String()` for the common signals.
    static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGKILL: "killed"
        case SIGTERM: "terminated"
        case SIGINT: "interrupt"
        case SIGHUP: "hangup"
        case SIGQUIT: "quit"
        case SIGABRT: "aborted"
        case SIGSEGV: "segmentation fault"
        case SIGBUS: "bus error"
        case SIGPIPE: "broken pipe"
        default: "signal \(number)"
        }
    }

    private static func withCStrings<R>(
        _ strings: [String],
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
