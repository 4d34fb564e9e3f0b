import Foundation

/// Drives one invocation from Pending to its terminal status: the eventual-consistency window, delivery, the real
/// script run in its own process group, the execution timeout, and the agent's exit-code rules.
struct InvocationLifecycle: Sendable {
    /// `CommandStoppedPreemptivelyExitCode` on Linux and macOS: the ResponseCode of a timed-out or cancelled run.
    static let stoppedPreemptively = 137

    let book: InvocationBook
    let clock: EmulatorClock
    let timing: EmulatorTiming
    let scratch: ScratchFolders
    let environment: [String: String]
    let log: @Sendable (String) -> Void

    /// Runs the invocation to its end (or until the task is cancelled when the emulator stops).
    func drive(_ key: InvocationKey, command: CommandRecord, offline: Bool) async {
        async let revealed: Void = reveal(key)
        if offline {
            await expire(key, after: command.deliveryTimeout)
        } else {
            await execute(key, command: command)
        }
        await revealed
    }

    /// Makes the invocation visible once the eventual-consistency window has passed.
    func reveal(_ key: InvocationKey) async {
        do { try await clock.sleep(timing.visibilityWindow) } catch { return }
        book.update(key) { $0.isVisible = true }
    }

    /// An offline instance never picks the command up: TimedOut / DeliveryTimedOut after the delivery timeout.
    func expire(_ key: InvocationKey, after seconds: Int) async {
        do { try await clock.sleep(Double(seconds)) } catch { return }
        book.update(key) { invocation in
            guard invocation.outcome == nil else { return }
            invocation.outcome = InvocationOutcome(
                status: .timedOut,
                details: "DeliveryTimedOut",
                responseCode: -1,
                stdout: [],
                stderr: [],
                ended: nil
            )
        }
        log("\(key.commandID) \(key.instanceID): TimedOut (DeliveryTimedOut)")
    }

    func execute(_ key: InvocationKey, command: CommandRecord) async {
        do { try await clock.sleep(timing.deliveryDelay) } catch { return }
        let files: ScratchFolders.RunFiles
        do {
            files = try scratch.prepare(key, script: command.script)
        } catch {
            finishUnstarted(key, reason: "failed to create script file. \(error)")
            return
        }
        let directory = scratch.workingDirectory(key.instanceID, requested: command.workingDirectory)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            // The agent's exec fails to change into it: Failed, exit code 1, Go's error after its prefix.
            let begun =
                book.update(key) { invocation -> Bool in
                    guard invocation.outcome == nil else { return false }
                    invocation.started = WireTime.milliseconds(clock.now())
                    return true
                } ?? false
            if begun {
                finish(key, exitCode: 1, files: files, runError: "chdir \(directory): no such file or directory")
            }
            return
        }
        var environment = self.environment
        environment["AWS_SSM_INSTANCE_ID"] = key.instanceID
        environment["AWS_SSM_REGION_NAME"] = scratch.region
        // Started under the lock, so a cancel (or the emulator stopping) either finds it Pending or finds its
        // process; a cancelled task starts nothing.
        let started: Result<ShellProcess, SpawnError>? =
            book.update(key) { invocation in
                guard invocation.outcome == nil, !Task.isCancelled else { return nil }
                let result = Result { () throws(SpawnError) -> ShellProcess in
                    try ShellProcess.start(
                        script: files.script,
                        directory: directory,
                        stdout: files.stdout,
                        stderr: files.stderr,
                        environment: environment
                    )
                }
                invocation.started = WireTime.milliseconds(clock.now())
                if case .success(let process) = result {
                    invocation.process = process
                    invocation.stdoutPath = files.stdout
                }
                return result
            } ?? nil
        guard let started else { return }
        let process: ShellProcess
        switch started {
        case .failure(let error):
            finish(key, exitCode: 1, files: files, runError: "\(error)")
            return
        case .success(let running):
            process = running
        }
        log("\(key.commandID) \(key.instanceID): started (process group \(process.pid))")
        let timeout = Task {
            do { try await Task.sleep(nanoseconds: UInt64(command.executionTimeout) * 1_000_000_000) } catch { return }
            let stillRunning =
                book.update(key) { invocation -> Bool in
                    guard invocation.outcome == nil, !invocation.cancelRequested else { return false }
                    invocation.timedOut = true
                    return true
                } ?? false
            if stillRunning { process.killGroup() }
        }
        let ended = await process.termination()
        timeout.cancel()
        finish(key, exitCode: ended.exitCode, files: files, runError: ended.description)
    }

    /// The terminal state from the exit code, as the agent decides it (`pluginutil.GetStatus`, runscript.go).
    func finish(_ key: InvocationKey, exitCode: Int, files: ScratchFolders.RunFiles, runError: String) {
        let ended = WireTime.milliseconds(clock.now())
        let stdout = ScratchFolders.read(files.stdout, limit: AgentTruncation.maximumStandardOutput)
        var stderr = ScratchFolders.read(files.stderr, limit: AgentTruncation.maximumStandardOutput)
        let outcome: InvocationOutcome? =
            book.update(key) { invocation in
                let (status, details, code): (InvocationStatus, String, Int)
                if invocation.cancelRequested {
                    (status, details, code) = (.cancelled, "Cancelled", Self.stoppedPreemptively)
                } else if invocation.timedOut || exitCode == Self.stoppedPreemptively {
                    // The agent reads 137 as a timeout unless it cancelled: a script exiting 137 itself ends TimedOut.
                    (status, details, code) = (.timedOut, "ExecutionTimedOut", Self.stoppedPreemptively)
                } else if exitCode == 0 {
                    (status, details, code) = (.success, "Success", 0)
                } else {
                    stderr += Array("failed to run commands: \(runError)".utf8)
                    (status, details, code) = (.failed, "Failed", exitCode)
                }
                let outcome = InvocationOutcome(
                    status: status,
                    details: details,
                    responseCode: code,
                    stdout: stdout,
                    stderr: stderr,
                    ended: ended
                )
                invocation.outcome = outcome
                invocation.process = nil
                return outcome
            } ?? nil
        if let outcome {
            log("\(key.commandID) \(key.instanceID): \(outcome.status.rawValue) (ResponseCode \(outcome.responseCode))")
        }
    }

    /// The script never started (its files could not be written): Failed with the agent's message.
    func finishUnstarted(_ key: InvocationKey, reason: String) {
        book.update(key) { invocation in
            guard invocation.outcome == nil else { return }
            invocation.outcome = InvocationOutcome(
                status: .failed,
                details: "Failed",
                responseCode: 1,
                stdout: [],
                stderr: Array(reason.utf8),
                ended: nil
            )
        }
    }
}
