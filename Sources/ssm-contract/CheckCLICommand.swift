import ArgumentParser
import ContractRunners

struct CheckCLICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-cli",
        abstract: "Run the skeleton contracts against an external AWS CLI."
    )

    func run() async throws {
        print("ssm-contract check-cli: not built yet")
        throw ExitCode(3)
    }
}
