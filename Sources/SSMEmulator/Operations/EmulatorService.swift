import Foundation
import HTTPTransport
import RawJSON

/// Answers awsJson1_1 requests (`X-Amz-Target: AmazonSSM.<Operation>`) from the emulator's state.
struct EmulatorService: Sendable {
    let book: InvocationBook
    let lifecycle: InvocationLifecycle
    let tasks: TaskList
    let onlineInstances: [String]
    let offlineInstances: [String]
    let faults: Set<EmulatorFault>
    let region: String
    let verifier: SigV4Verifier?
    let timing: EmulatorTiming
    let clock: EmulatorClock
    let log: @Sendable (String) -> Void

    static let targetPrefix = "AmazonSSM."

    var allInstances: [String] { onlineInstances + offlineInstances }

    func answer(_ request: HTTPRequest) async -> HTTPResponse {
        if let verifier, let problem = verifier.problem(with: request) {
            log("refused \(request.headers["X-Amz-Target"] ?? "request"): \(problem.code)")
            return WireReply.error(problem)
        }
        guard request.method == "POST" else {
            return WireReply.error(ServiceError("UnknownOperationException", status: 400))
        }
        let target = request.headers["X-Amz-Target"] ?? ""
        let operation = target.hasPrefix(Self.targetPrefix) ? String(target.dropFirst(Self.targetPrefix.count)) : ""
        do {
            let body = try RequestBody(Array(request.body))
            let result: JSONValue
            switch operation {
            case "SendCommand": result = try sendCommand(body)
            case "GetCommandInvocation": result = try getCommandInvocation(body)
            case "ListCommandInvocations": result = try listCommandInvocations(body)
            case "ListCommands": result = try listCommands(body)
            case "CancelCommand": result = try cancelCommand(body)
            case "DescribeInstanceInformation": result = try describeInstanceInformation(body)
            default: throw ServiceError("UnknownOperationException")
            }
            return WireReply.json(result)
        } catch let error as ServiceError {
            return WireReply.error(error)
        } catch {
            return WireReply.error(ServiceError("InternalServerError", "\(error)", status: 500))
        }
    }

    /// A required string member, or `ValidationException` naming it as AWS does (`Value null at 'commandId'`).
    func required(_ body: RequestBody, _ name: String) throws(ServiceError) -> String {
        guard let value = try body.string(name) else {
            throw .validation([
                "Value null at '\(Self.wireName(name))' failed to satisfy constraint: Member must not be null"
            ])
        }
        return value
    }

    /// `CommandId` → `commandId`, the spelling AWS's validation messages use.
    static func wireName(_ member: String) -> String { member.prefix(1).lowercased() + member.dropFirst() }

    /// The answer view of one invocation.
    func view(_ invocation: Invocation, command: CommandRecord) -> InvocationAnswer {
        InvocationAnswer(invocation: invocation, command: command, faults: faults, region: region)
    }
}
