import ArgumentParser
import ContractRunners

extension RunnerOutcome {
    /// Ends the command as the outcome says: returns when it is ``ExitStatus/success``, else throws the exit
    /// status for ``SSMContract/main()`` to exit with.
    func endCommand() throws {
        if exitStatus != .success { throw ExitCode(exitStatus.rawValue) }
    }
}
