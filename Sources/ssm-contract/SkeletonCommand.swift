import ArgumentParser
import ContractRunners

struct SkeletonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract: "Print an input or output skeleton for an SSM operation."
    )

    func run() async throws {
        print("ssm-contract skeleton: not built yet")
        throw ExitCode(3)
    }
}
