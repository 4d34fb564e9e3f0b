import ArgumentParser
import ContractRunners

struct SkeletonCommand: MainThreadCommand {
    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract: "Print an input or output skeleton for an SSM operation.",
        discussion: """
            input (default): the JSON AWS CLI v1 prints for --generate-cli-skeleton (use with --cli-input-json). \
            yaml-input: the same members as YAML in AWS CLI v2's format (use with --cli-input-yaml). \
            output: a sample response whose values satisfy the SSM model's constraints. No request is sent.
            """
    )

    @Argument(help: "The operation's CLI name, e.g. get-command-invocation.")
    var operation: String

    @Argument(help: "input, yaml-input or output.")
    var kind: String = SkeletonKind.input.rawValue

    nonisolated(nonsending) func run() async throws {
        var options = SkeletonRunner.Options()
        options.operation = operation
        options.kind = kind
        let outcome = try await SkeletonRunner.run(options)
        print(outcome.text, terminator: "")
        try outcome.endCommand()
    }
}
