import AWSWire
import Foundation
import HTTPTransport
import TestSupport

@testable import SSMOperations

/// Configuration for the moto server of a test, resolved the normal way from an injected environment (fake keys,
/// explicit endpoint and region; no files).
func motoConfiguration(_ moto: MotoServer) throws -> AWSConfiguration {
    try AWSConfigurationResolver.resolve(
        AWSConfigurationInputs(
            environment: [
                "AWS_ACCESS_KEY_ID": MotoServer.accessKeyID, "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
                "HOME": "/nonexistent-home-for-tests",
            ],
            region: MotoServer.region,
            endpointURL: moto.endpointURL
        )
    )
}

/// Retries without waiting (the delays are unit-tested; here only the attempts matter).
let immediateRetries = AWSRetryStrategy(random: { 0 }, sleeper: { _ in })

/// The session recorded and replayed by the tests: what a demanding SDK user does right after sending a command.
struct MotoSession: Hashable {
    var sent: SendCommandOutput
    var invocation: GetCommandInvocationOutput
    var waitedStatuses: [String]
    var unknownCommand: AWSServiceError
    var listInvocations: String

    static let instance = "i-0123456789abcdef0"

    static func run(_ ssm: SSMClient) async throws -> MotoSession {
        let sent = try await ssm.sendCommand(
            SendCommandInput(
                documentName: "AWS-RunShellScript",
                instanceIds: [instance],
                parameters: ["commands": ["uname -a"]]
            )
        )
        let commandID = sent.value.command?.commandId ?? ""
        let input = GetCommandInvocationInput(commandId: commandID, instanceId: instance)
        let invocation = try await ssm.getCommandInvocation(input)
        let waited = try await ssm.waitUntilCommandExecuted(input, delay: 0.1, maxAttempts: 3)
        var unknown: AWSServiceError?
        do {
            _ = try await ssm.getCommandInvocation(
                GetCommandInvocationInput(commandId: "00000000-0000-4000-8000-000000000000", instanceId: instance)
            )
        } catch let error as AWSServiceError { unknown = error }
        var listed = "no error"
        do { _ = try await ssm.listCommandInvocations(ListCommandInvocationsInput(commandId: commandID)) } catch let
            error as AWSUnreadableErrorResponse
        { listed = "\(error)" }
        return MotoSession(
            sent: sent.value,
            invocation: invocation.value,
            waitedStatuses: waited.observations.map { $0.status?.rawValue ?? "error" },
            unknownCommand: AWSServiceError(
                code: unknown?.code ?? "none",
                message: unknown?.message,
                statusCode: unknown?.statusCode ?? 0,
                requestID: unknown?.requestID,
                operation: unknown?.operation
            ),
            listInvocations: listed
        )
    }
}
