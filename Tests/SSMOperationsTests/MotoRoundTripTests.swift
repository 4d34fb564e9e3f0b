import AWSWire
import Foundation
import HTTPTransport
import TestSupport
import Testing

@testable import SSMOperations

/// The typed operations against the real moto server (from the venv, on 127.0.0.1), through libcurl.
@Suite(.serialized) struct MotoRoundTripTests {
    func withSSM(_ body: (SSMClient) async throws -> Void) async throws {
        try await MotoServer.withMotoServer { moto in
            #expect(moto.version == "5.2.1")
            try await CurlTransport.withCurlTransport { curl in
                try await body(
                    SSMClient(
                        transport: curl,
                        configuration: try motoConfiguration(moto),
                        retryStrategy: immediateRetries
                    )
                )
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func sendCommandThenGetCommandInvocationRoundTrips() async throws {
        try await withSSM { ssm in
            let sent = try await ssm.sendCommand(
                SendCommandInput(
                    documentName: "AWS-RunShellScript",
                    instanceIds: ["i-0123456789abcdef0"],
                    parameters: ["commands": ["uname -a"]],
                    comment: "round trip"
                )
            )
            let command = try #require(sent.value.command)
            let commandID = try #require(command.commandId)
            #expect(commandID.count == 36)
            #expect(command.documentName == "AWS-RunShellScript")
            #expect(command.instanceIds == ["i-0123456789abcdef0"])
            #expect(command.parameters == ["commands": ["uname -a"]])
            #expect(command.requestedDateTime?.date != nil)
            #expect(sent.raw["Command"]?["CommandId"]?.stringValue == commandID)
            #expect(sent.http.status == 200)

            let invocation = try await ssm.getCommandInvocation(
                GetCommandInvocationInput(commandId: commandID, instanceId: "i-0123456789abcdef0")
            )
            #expect(invocation.value.commandId == commandID)
            #expect(invocation.value.instanceId == "i-0123456789abcdef0")
            #expect(invocation.value.comment == "round trip")
            #expect(invocation.value.status == .success)
            #expect(invocation.value.responseCode == 0)
            // moto's ISO-8601 without a zone, microseconds: still read (as UTC).
            #expect(invocation.value.executionStartDateTime?.date != nil)
            #expect(invocation.value.executionElapsedTime == "PT5M")
            #expect(invocation.http.headers["Content-Type"] == "application/x-amz-json-1.1")

            let waited = try await ssm.waitUntilCommandExecuted(
                GetCommandInvocationInput(commandId: commandID, instanceId: "i-0123456789abcdef0")
            )
            #expect(waited.outcome == .succeeded)
            #expect(waited.observations.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(2))) func unknownCommandIdGivesTheDecodedAWSError() async throws {
        try await withSSM { ssm in
            await #expect {
                _ = try await ssm.getCommandInvocation(
                    GetCommandInvocationInput(
                        commandId: "00000000-0000-4000-8000-000000000000",
                        instanceId: "i-0123456789abcdef0"
                    )
                )
            } throws: { error in
                guard let error = error as? AWSServiceError else { return false }
                return error.code == "InvalidCommandId" && error.statusCode == 400
                    && error.message == "Invalid command id."
                    && error.operation == "GetCommandInvocation" && error.requestID != nil
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func unknownInstanceGivesInvocationDoesNotExist() async throws {
        try await withSSM { ssm in
            let sent = try await ssm.sendCommand(
                SendCommandInput(documentName: "AWS-RunShellScript", instanceIds: ["i-0123456789abcdef0"])
            )
            let input = GetCommandInvocationInput(
                commandId: sent.value.command?.commandId ?? "",
                instanceId: "i-00000000000000000"
            )
            let waited = try await ssm.waitUntilCommandExecuted(input, delay: 0, maxAttempts: 2)
            #expect(waited.outcome == .maxAttemptsExceeded)
            #expect(waited.observations.count == 2)
            guard case .serviceError(let error) = waited.observations.first else {
                Issue.record("expected InvocationDoesNotExist")
                return
            }
            #expect(error.code == "InvocationDoesNotExist")
            #expect(error.statusCode == 400)
        }
    }

    @Test(.timeLimit(.minutes(2))) func listCommandInvocationsNamesTheOperationAndStatus() async throws {
        try await withSSM { ssm in
            do {
                _ = try await ssm.listCommandInvocations(ListCommandInvocationsInput(details: true))
                Issue.record("moto 5.2.1 does not implement ListCommandInvocations; expected an error")
            } catch let error as AWSUnreadableErrorResponse {
                #expect(error.operation == "ListCommandInvocations")
                #expect(error.statusCode == 500)
                #expect(
                    error.description.hasPrefix(
                        "ListCommandInvocations failed with HTTP 500 and no AWS error: the body is an HTML page"
                    )
                )
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func listCommandsFindsTheSentCommand() async throws {
        try await withSSM { ssm in
            let sent = try await ssm.sendCommand(
                SendCommandInput(documentName: "AWS-RunShellScript", instanceIds: ["i-0fedcba9876543210"])
            )
            var found: [String] = []
            for try await page in ssm.listCommandsPages(ListCommandsInput(commandId: sent.value.command?.commandId)) {
                found += page.value.commands?.compactMap(\.commandId) ?? []
            }
            #expect(found == [sent.value.command?.commandId].compactMap { $0 })
        }
    }
}
