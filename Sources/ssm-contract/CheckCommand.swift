import ArgumentParser
import ContractRunners

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge one response body."
    )

    func run() async throws {
        print("ssm-contract check: not built yet")
        throw ExitCode(3)
    }
}
