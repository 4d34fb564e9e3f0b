import ArgumentParser
import ContractRunners

/// The `ssm-contract` command: parses arguments and calls into ``ContractRunners``; nothing else.
@main
struct SSMContract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssm-contract",
        abstract: "Record, replay and contract-check AWS Systems Manager command-invocation traffic.",
        version: ContractRunnersInfo.version,
        subcommands: [
            VerifyCommand.self,
            CheckCommand.self,
            SkeletonCommand.self,
            CheckCLICommand.self,
            RecordCommand.self,
        ]
    )
}
