import AWSWire
import ContractEngine
import Foundation
import RawJSON
import TestSupport

/// Conforming responses and sequences, shaped like real AWS answers, that mutation tests break one rule at a time.
enum Fixtures {
    static let commandID = "ef7fdfd8-9b57-4151-a15c-db9a12345678"
    static let instanceID = "i-1234567890abcdef0"

    /// The catalog in the package.
    static let catalog: ContractCatalog = {
        do {
            return try ContractCatalog.load(folder: PackageRoot.path("Contracts"))
        } catch {
            fatalError("the package catalog does not load: \(error)")
        }
    }()

    static func observation(
        _ operation: String,
        request: JSONValue?,
        body: Observation.Body,
        status: Int = 200,
        time: Double? = nil,
        interaction: Int = 0,
        file: String = "fixture.json"
    ) -> Observation {
        Observation(
            operation: operation,
            request: request.map { JSONTape($0).root },
            status: status,
            body: body,
            time: time,
            location: ObservationLocation(file: file, interaction: interaction),
            target: "synthetic"
        )
    }

    static var gciRequest: JSONValue { ["CommandId": .string(commandID), "InstanceId": .string(instanceID)] }

    /// A finished GetCommandInvocation (the AWS CLI example).
    static var gciSuccess: JSONValue {
        [
            "CommandId": .string(commandID), "InstanceId": .string(instanceID), "Comment": "",
            "DocumentName": "AWS-RunShellScript", "DocumentVersion": "", "PluginName": "aws:runShellScript",
            "ResponseCode": 0, "ExecutionStartDateTime": "2020-02-19T18:18:03.419Z", "ExecutionElapsedTime": "PT2.44S",
            "ExecutionEndDateTime": "2020-02-19T18:18:05.419Z", "Status": "Success", "StatusDetails": "Success",
            "StandardOutputContent": "hello\n", "StandardOutputUrl": "", "StandardErrorContent": "",
            "StandardErrorUrl": "",
            "CloudWatchOutputConfig": ["CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false],
        ]
    }

    /// The same invocation while running (published sample 13's shape).
    static var gciInProgress: JSONValue {
        gciSuccess.with([
            "ResponseCode": -1, "ExecutionEndDateTime": "", "ExecutionElapsedTime": "PT1.2S", "Status": "InProgress",
            "StatusDetails": "InProgress", "StandardOutputContent": "",
        ])
    }

    /// The same invocation before it reached the instance.
    static var gciPending: JSONValue {
        gciSuccess.with([
            "ResponseCode": -1, "ExecutionStartDateTime": "", "ExecutionEndDateTime": "", "ExecutionElapsedTime": "",
            "Status": "Pending", "StatusDetails": "Pending", "StandardOutputContent": "",
        ])
    }

    static func gci(
        _ body: JSONValue,
        time: Double? = nil,
        interaction: Int = 0,
        request: JSONValue? = nil
    ) -> Observation {
        observation(
            "GetCommandInvocation",
            request: request ?? gciRequest,
            body: .json(body),
            time: time,
            interaction: interaction
        )
    }

    /// Pending → InProgress → Success, one second apart.
    static var gciSequence: [Observation] {
        [
            gci(gciPending, time: 1_582_136_280, interaction: 0),
            gci(gciInProgress, time: 1_582_136_284, interaction: 1),
            gci(gciSuccess, time: 1_582_136_290, interaction: 2),
        ]
    }

    static var plugin: JSONValue {
        [
            "Name": "aws:runShellScript", "Status": "Success", "StatusDetails": "Success", "ResponseCode": 0,
            "ResponseStartDateTime": 1_582_136_283.419, "ResponseFinishDateTime": 1_582_136_283.51, "Output": "hello\n",
            "StandardOutputUrl": "", "StandardErrorUrl": "", "OutputS3Region": "us-east-2", "OutputS3BucketName": "",
            "OutputS3KeyPrefix": "",
        ]
    }

    static func invocation(_ instance: String, plugins: [JSONValue]) -> JSONValue {
        [
            "CommandId": .string(commandID), "InstanceId": .string(instance), "InstanceName": "", "Comment": "",
            "DocumentName": "AWS-RunShellScript", "DocumentVersion": "",
            "RequestedDateTime": .number(JSONNumber(literal: "1.582136283089E9")),
            "Status": "Success", "StatusDetails": "Success", "StandardOutputUrl": "", "StandardErrorUrl": "",
            "CommandPlugins": .array(plugins), "ServiceRole": "",
            "NotificationConfig": ["NotificationArn": "", "NotificationEvents": [], "NotificationType": ""],
            "CloudWatchOutputConfig": ["CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false],
        ]
    }

    static var lciRequest: JSONValue { ["CommandId": .string(commandID), "Details": true, "MaxResults": 10] }

    /// A ListCommandInvocations page with Details.
    static var lciPage: JSONValue {
        [
            "CommandInvocations": [
                invocation("i-02573cafcfEXAMPLE", plugins: [plugin]),
                invocation("i-0471e04240EXAMPLE", plugins: [plugin]),
            ]
        ]
    }

    static func lci(_ body: JSONValue, request: JSONValue? = nil, interaction: Int = 0) -> Observation {
        observation(
            "ListCommandInvocations",
            request: request ?? lciRequest,
            body: .json(body),
            interaction: interaction
        )
    }

    /// Two pages linked by NextToken.
    static var lciChain: [Observation] {
        let first: JSONValue = [
            "CommandInvocations": [invocation("i-02573cafcfEXAMPLE", plugins: [])], "NextToken": "t1",
        ]
        let second: JSONValue = ["CommandInvocations": [invocation("i-0471e04240EXAMPLE", plugins: [])]]
        return [
            lci(first, request: ["CommandId": .string(commandID), "MaxResults": 1], interaction: 10),
            lci(
                second,
                request: ["CommandId": .string(commandID), "MaxResults": 1, "NextToken": "t1"],
                interaction: 11
            ),
        ]
    }

    static func error(_ code: String, status: Int = 400, operation: String = "GetCommandInvocation") -> Observation {
        observation(
            operation,
            request: gciRequest,
            body: .error(
                AWSServiceError(
                    code: code,
                    message: nil,
                    statusCode: status,
                    requestID: nil,
                    operation: operation
                )
            ),
            status: status
        )
    }

    /// A finished invocation whose stdout the agent truncated: 24,000 bytes ending in the marker.
    static var gciTruncated: Observation {
        let other = "i-0fedcba9876543210"
        let stdout = String(repeating: "x", count: 23_980) + "--output truncated--"
        return gci(
            gciSuccess.with(["InstanceId": .string(other), "StandardOutputContent": .string(stdout)]),
            interaction: 5,
            request: ["CommandId": .string(commandID), "InstanceId": .string(other)]
        )
    }

    /// What a scenario that printed `hello` and ran two seconds expects of the fixture's invocations.
    static var scenarioExpectations: ScenarioExpectations {
        ScenarioExpectations(
            scenario: "fixture",
            platform: "linux",
            invocations: [instanceID, "i-02573cafcfEXAMPLE", "i-0471e04240EXAMPLE"].map {
                ScenarioExpectations.Invocation(
                    commandID: commandID,
                    instanceID: $0,
                    sentAt: 1_582_136_279,
                    status: ["Success"],
                    statusDetails: ["Success"],
                    responseCode: 0,
                    stdout: .text("hello\n"),
                    stderr: .text(""),
                    runsAtLeast: 2
                )
            }
        )
    }

    /// Observations as a scenario's cassette gives them: with its expectations.
    static func fromScenario(_ observations: [Observation]) -> [Observation] {
        observations.map {
            var copy = $0
            copy.scenario = scenarioExpectations
            return copy
        }
    }

    /// Every conforming scenario.
    static var conforming: [Observation] {
        fromScenario(gciSequence) + [gciTruncated] + fromScenario([lci(lciPage)]) + lciChain
            + [error("InvocationDoesNotExist"), error("InvalidNextToken", operation: "ListCommandInvocations")]
    }

    /// Runs the catalog over observations.
    static func report(
        _ observations: [Observation],
        catalog: ContractCatalog = catalog,
        deviations: DeviationSet = DeviationSet(),
        judgesStaleDeviations: Bool = true
    ) -> VerificationReport {
        let engine = ContractEngine(catalog: catalog)
        var run = engine.makeAccumulator()
        for observation in observations { engine.evaluate(observation, into: &run) }
        return VerificationReport(
            engine.finish(run),
            deviations: deviations,
            today: "2026-11-21",
            judgesStaleDeviations: judgesStaleDeviations
        )
    }

    /// The ids of contracts that failed.
    static func failing(_ report: VerificationReport) -> Set<String> {
        Set(report.rows.filter { $0.targets.contains { $0.tally.fail > 0 } }.map(\.contract.id))
    }
}

extension JSONValue {
    /// A copy with members replaced or added (`.null` removes one), at dotted paths one level deep.
    func with(_ changes: KeyValuePairs<String, JSONValue>) -> JSONValue {
        guard case .object(var object) = self else { return self }
        for (key, value) in changes { object[key] = value == .null ? nil : value }
        return .object(object)
    }

    /// A copy of a ListCommandInvocations page with the first invocation (or its first plugin) changed.
    func withFirstInvocation(_ changes: KeyValuePairs<String, JSONValue>, plugin: Bool = false) -> JSONValue {
        guard var invocations = self["CommandInvocations"]?.arrayValue, let first = invocations.first else {
            return self
        }
        if plugin {
            var plugins = first["CommandPlugins"]?.arrayValue ?? []
            plugins[0] = plugins[0].with(changes)
            invocations[0] = first.with(["CommandPlugins": .array(plugins)])
        } else {
            invocations[0] = first.with(changes)
        }
        return with(["CommandInvocations": .array(invocations)])
    }
}
