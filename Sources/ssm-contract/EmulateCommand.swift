import ArgumentParser
import ContractRunners
import Foundation

/// `ssm-contract emulate`: a local SSM that really runs AWS-RunShellScript commands.
struct EmulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a local SSM endpoint that really executes AWS-RunShellScript commands (--endpoint-url).",
        discussion: """
            Answers SendCommand, GetCommandInvocation, ListCommandInvocations, ListCommands, CancelCommand and \
            DescribeInstanceInformation over awsJson1_1, with AWS's lifecycle, truncation, exit codes, eventual \
            consistency, pagination and errors. Commands run on THIS machine as this user, one process group per \
            invocation: the emulator listens on 127.0.0.1 only, unless --verify-sigv4 checks every request's \
            signature. The first line of output gives the URL. Stop with SIGINT or SIGTERM. Exit status: 0 stopped \
            cleanly; 2 bad options; 3 --verify-sigv4 without credentials; 4 the address cannot be bound.
            """
    )

    @Option(
        name: .customLong("instance-id"),
        help: ArgumentHelp("An online managed node (repeatable; default i-0123456789abcdef0).", valueName: "ID")
    )
    var instanceIDs: [String] = []

    @Option(
        name: .customLong("offline-instance-id"),
        help: ArgumentHelp(
            "A managed node that never answers: Pending until the delivery timeout (repeatable).",
            valueName: "ID"
        )
    )
    var offlineInstanceIDs: [String] = []

    @Option(help: "The address to bind; anything but loopback requires --verify-sigv4.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port, 0 to 65535 (0: any free port, printed on the first line).")
    var port = 0

    @Flag(
        name: .customLong("verify-sigv4"),
        help: "Check every request's SigV4 signature against the credentials the SDKs would use (environment, profile)."
    )
    var verifySigV4 = false

    @Option(help: "The profile whose credentials --verify-sigv4 accepts.")
    var profile: String?

    @Option(
        name: .customLong("time-scale"),
        parsing: .unconditional,
        help: "Divide the emulator's own delays (delivery, eventual consistency, delivery timeout) by this."
    )
    var timeScale = 1.0

    @Option(
        name: .customLong("visibility-window"),
        parsing: .unconditional,
        help: "Seconds after SendCommand during which the invocation does not exist yet (before --time-scale)."
    )
    var visibilityWindow = 0.5

    @Option(
        name: .customLong("delivery-delay"),
        parsing: .unconditional,
        help: "Seconds an invocation stays Pending before its script starts (before --time-scale)."
    )
    var deliveryDelay = 0.5

    @Option(
        name: .customLong("min-execution-timeout"),
        parsing: .unconditional,
        help: "executionTimeout values below this become 3600, as the agent does (its minimum is 5)."
    )
    var minimumExecutionTimeout = 5

    @Option(
        name: .customLong("fault"),
        help: ArgumentHelp(
            "Deviate from AWS on purpose (repeatable): wrong-truncation, output-while-in-progress, response-code-zero-before-start, terminal-status-changes, repeated-page.",
            valueName: "NAME"
        )
    )
    var faults: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): use 0 to 65535") }
        guard timeScale > 0, timeScale.isFinite else {
            throw ValidationError(
                "--time-scale \(timeScale): use a number above 0 (10 makes the emulator's delays 10 times shorter)"
            )
        }
        guard visibilityWindow >= 0 else {
            throw ValidationError("--visibility-window \(visibilityWindow): use 0 or more seconds")
        }
        guard deliveryDelay >= 0 else {
            throw ValidationError("--delivery-delay \(deliveryDelay): use 0 or more seconds")
        }
        guard minimumExecutionTimeout >= 1 else {
            throw ValidationError("--min-execution-timeout \(minimumExecutionTimeout): use 1 or more seconds")
        }
        if profile != nil && !verifySigV4 { throw ValidationError("--profile only applies with --verify-sigv4") }
    }

    func run() async throws {
        var options = EmulateRunner.Options()
        options.instanceIDs = instanceIDs
        options.offlineInstanceIDs = offlineInstanceIDs
        options.host = host
        options.port = port
        options.verifySigV4 = verifySigV4
        options.profile = profile
        options.environment = ProcessInfo.processInfo.environment
        options.timeScale = timeScale
        options.faults = faults
        options.visibilityWindow = visibilityWindow
        options.deliveryDelay = deliveryDelay
        options.minimumExecutionTimeout = minimumExecutionTimeout
        options.ready = { FileHandle.standardOutput.write(Data($0.utf8)) }
        options.log = { FileHandle.standardError.write(Data("ssm-contract emulate: \($0)\n".utf8)) }
        let signals = TerminationSignals()
        options.until = { _ = await signals.next() }
        let outcome = try await EmulateRunner.run(options)
        FileHandle.standardOutput.write(Data(outcome.text.utf8))
        try outcome.endCommand()
    }
}
