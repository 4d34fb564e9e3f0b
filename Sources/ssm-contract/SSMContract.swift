import ArgumentParser
import ContractRunners
import Foundation

/// The `ssm-contract` command: parses arguments and calls into ``ContractRunners``; nothing else.
@main
struct SSMContract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssm-contract",
        abstract: "Record, replay and contract-check AWS Systems Manager command-invocation traffic.",
        discussion: """
            Exit status (one meaning in every command; each command's --help lists the ones it uses): 0 the job \
            was done and everything checked held (inconclusive results included for verify and check); 1 something \
            checked did not hold (a contract violated; a serve miss; a proxy upstream failure; a request serve or proxy refused (413, 400); a failed check-cli \
            check; an audit finding); 2 bad usage or unreadable input; 3 missing configuration or credentials; 4 a \
            target could not be reached or did not answer in time, an address cannot be bound, or (live, record) a \
            scenario was inconclusive; 5 (live) contracts held but the responses drifted since the baseline \
            recordings; 70 a bug in ssm-contract; 130/143 (live) interrupted by SIGINT/SIGTERM.
            """,
        version: ContractRunnersInfo.version,
        subcommands: [
            VerifyCommand.self,
            CheckCommand.self,
            SkeletonCommand.self,
            CheckCLICommand.self,
            RecordCommand.self,
            ServeCommand.self,
            ProxyCommand.self,
            HARCommand.self,
            LiveCommand.self,
            EmulateCommand.self,
            AuditCommand.self,
        ]
    )

    /// Runs the command, mapping errors onto ``ExitStatus``: usage errors exit 2 (not ArgumentParser's 64), a
    /// ``RunnerError`` prints its one line to standard error and exits with its status.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if let mainThreadCommand = command as? any MainThreadCommand {
                try await mainThreadCommand.run()
            } else if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as RunnerError {
            printError("ssm-contract: \(error.message)")
            terminate(error.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == ExitStatus.violation.rawValue {
                exit(withError: error)
            }
            // One line: what is wrong (ArgumentParser's first line, without its "Error: " and usage block), and
            // where the usage is.
            let first = message(for: error).split(separator: "\n").first.map(String.init) ?? ""
            let text = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            if !text.isEmpty { printError("ssm-contract: \(text) (usage: \(helpCommand()))") }
            terminate(code == .validationFailure ? ExitStatus.badInput.rawValue : code.rawValue)
        }
    }

    /// `ssm-contract SUBCOMMAND --help` for the subcommand being run, else `ssm-contract --help`.
    private static func helpCommand() -> String {
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        let given = CommandLine.arguments.dropFirst().first { names.contains($0) }
        return "ssm-contract " + (given.map { $0 + " " } ?? "") + "--help"
    }

    private static func printError(_ text: String) {
        Console.error(text)
    }
}

/// Ends the process with `status` (the C library's `exit`, which `ParsableCommand.exit(withError:)` hides inside
/// the command type).
private func terminate(_ status: Int32) -> Never { exit(status) }
