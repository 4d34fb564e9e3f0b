import ArgumentParser
import ContractRunners

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every contract against cassettes."
    )

    func run() async throws {
        print("ssm-contract verify: not built yet")
        throw ExitCode(3)
    }
}
