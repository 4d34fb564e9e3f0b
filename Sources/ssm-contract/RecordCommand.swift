import ArgumentParser
import ContractRunners

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record SSM traffic into a cassette."
    )

    func run() async throws {
        print("ssm-contract record: not built yet")
        throw ExitCode(3)
    }
}
