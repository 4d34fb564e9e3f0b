import ContractEngine
import RawJSON
import Testing

/// One broken rule: the observations with exactly that rule broken, and any contract that unavoidably fails too.
struct Mutation: Sendable, CustomTestStringConvertible {
    let contractID: String
    let what: String
    let observations: [Observation]
    var alsoFails: Set<String> = []

    var testDescription: String { "\(contractID): \(what)" }
}

enum Mutations {
    typealias F = Fixtures

    static let all: [Mutation] = {
        let long24001 = String(repeating: "x", count: 23_981) + "--output truncated--"
        return [
            Mutation(
                contractID: "errors.documented",
                what: "an error code no operation models",
                observations: [F.error("NoSuchThing")]
            ),
            Mutation(
                contractID: "errors.documented",
                what: "a misspelled modeled code (InvocationDoesNoyExist)",
                observations: [F.error("InvocationDoesNoyExist")]
            ),
            Mutation(
                contractID: "errors.http-status",
                what: "InvocationDoesNotExist with HTTP 500",
                observations: [F.error("InvocationDoesNotExist", status: 500)]
            ),
            Mutation(
                contractID: "wire.json-object",
                what: "HTTP 200 with an HTML page",
                observations: [
                    F.observation(
                        "GetCommandInvocation",
                        request: F.gciRequest,
                        body: .unreadable("the body is an HTML page, not JSON")
                    )
                ]
            ),
            Mutation(
                contractID: "ids.command-id",
                what: "CommandId not a UUID",
                observations: [
                    F.gci(
                        F.gciSuccess.with(["CommandId": "cmd-1"]),
                        request: ["CommandId": "cmd-1", "InstanceId": .string(F.instanceID)]
                    )
                ]
            ),
            Mutation(
                contractID: "ids.instance-id",
                what: "InstanceId not an instance id",
                observations: [
                    F.gci(
                        F.gciSuccess.with(["InstanceId": "instance-1"]),
                        request: ["CommandId": .string(F.commandID), "InstanceId": "instance-1"]
                    )
                ]
            ),
            Mutation(
                contractID: "gci.echoes-request",
                what: "answers for another instance",
                observations: [
                    F.gci(F.gciSuccess.with(["InstanceId": "i-0123456789abcdef1"]))
                ]
            ),
            Mutation(
                contractID: "list.matches-request",
                what: "lists another command's invocation",
                observations: [
                    F.lci(F.lciPage.withFirstInvocation(["CommandId": "aaaaaaaa-9b57-4151-a15c-db9a12345678"]))
                ]
            ),
            Mutation(
                contractID: "list.plugins-only-with-details",
                what: "plugins without Details",
                observations: [
                    F.lci(F.lciPage, request: ["CommandId": .string(F.commandID)])
                ]
            ),
            Mutation(
                contractID: "list.plugin-name",
                what: "a plugin without a name",
                observations: [
                    F.lci(F.lciPage.withFirstInvocation(["Name": ""], plugin: true))
                ]
            ),
            Mutation(
                contractID: "pagination.max-results",
                what: "two invocations for MaxResults 1",
                observations: [
                    F.lci(F.lciPage, request: ["CommandId": .string(F.commandID), "Details": true, "MaxResults": 1])
                ]
            ),
            Mutation(
                contractID: "pagination.no-duplicates",
                what: "page 2 repeats page 1's invocation",
                observations: {
                    var chain = F.lciChain
                    chain[1].body = .json(["CommandInvocations": [F.invocation("i-02573cafcfEXAMPLE", plugins: [])]])
                    return chain
                }()
            ),
            Mutation(
                contractID: "pagination.token-terminates",
                what: "page 2 returns the token it was asked with",
                observations: {
                    var chain = F.lciChain
                    chain[1].body = .json([
                        "CommandInvocations": [F.invocation("i-0471e04240EXAMPLE", plugins: [])], "NextToken": "t1",
                    ])
                    return chain
                }()
            ),
            Mutation(
                contractID: "response-code.not-started",
                what: "Pending with ResponseCode 0",
                observations: [
                    F.gci(F.gciPending.with(["ResponseCode": 0]))
                ]
            ),
            Mutation(
                contractID: "output.empty-until-terminal",
                what: "InProgress with stdout",
                observations: [
                    F.gci(F.gciInProgress.with(["StandardOutputContent": "partial"]))
                ]
            ),
            Mutation(
                contractID: "output.stdout-limit",
                what: "24,001 characters of stdout",
                observations: [
                    F.gci(F.gciSuccess.with(["StandardOutputContent": .string(long24001)]))
                ]
            ),
            Mutation(
                contractID: "output.stderr-limit",
                what: "8,001 characters of stderr (the agent would send them)",
                observations: [
                    F.gci(F.gciSuccess.with(["StandardErrorContent": .string(String(repeating: "e", count: 8001))]))
                ]
            ),
            Mutation(
                contractID: "output.plugin-output-limit",
                what: "2,501 characters of plugin Output",
                observations: [
                    F.lci(
                        F.lciPage.withFirstInvocation(
                            ["Output": .string(String(repeating: "y", count: 2501))],
                            plugin: true
                        )
                    )
                ]
            ),
            Mutation(
                contractID: "output.stdout-truncation-marker",
                what: "24,000 bytes without the marker",
                observations: [
                    F.gci(F.gciSuccess.with(["StandardOutputContent": .string(String(repeating: "x", count: 24_000))]))
                ]
            ),
            Mutation(
                contractID: "sequence.terminal-final",
                what: "Success, then Failed",
                observations:
                    F.gciSequence + [
                        F.gci(
                            F.gciSuccess.with(["Status": "Failed", "StatusDetails": "Failed"]),
                            time: 1_582_136_300,
                            interaction: 3
                        )
                    ]
            ),
            Mutation(
                contractID: "sequence.transitions",
                what: "InProgress, then Pending",
                observations: [
                    F.gci(F.gciPending, time: 1, interaction: 0), F.gci(F.gciInProgress, time: 2, interaction: 1),
                    F.gci(F.gciPending, time: 3, interaction: 2),
                ]
            ),
            Mutation(
                contractID: "sequence.start-fixed",
                what: "the start time moves",
                observations: [
                    F.gci(
                        F.gciInProgress.with(["ExecutionStartDateTime": "2020-02-19T18:18:01.419Z"]),
                        time: 1,
                        interaction: 0
                    ),
                    F.gci(F.gciSuccess, time: 2, interaction: 1),
                ]
            ),
            Mutation(
                contractID: "sequence.output-final",
                what: "stdout changes after Success",
                observations: [
                    F.gci(F.gciSuccess, time: 1, interaction: 0),
                    F.gci(F.gciSuccess.with(["StandardOutputContent": "other\n"]), time: 2, interaction: 1),
                ]
            ),
            Mutation(
                contractID: "status.invocation-enum",
                what: "Status Running",
                observations: [
                    F.gci(F.gciSuccess.with(["Status": "Running", "StatusDetails": .null]))
                ]
            ),
            Mutation(
                contractID: "status.invocation-enum",
                what: "Status SUCCESS (an old AWS example's spelling)",
                observations: [
                    F.gci(F.gciSuccess.with(["Status": "SUCCESS", "StatusDetails": .null]))
                ]
            ),
            Mutation(
                contractID: "status.plugin-enum",
                what: "a plugin Status in another case",
                observations: [
                    F.lci(F.lciPage.withFirstInvocation(["Status": "success"], plugin: true))
                ],
                alsoFails: ["status.details-consistent"]
            ),
            Mutation(
                contractID: "status.details-documented",
                what: "StatusDetails in another case",
                observations: [
                    F.gci(F.gciSuccess.with(["StatusDetails": "SUCCESS"]))
                ]
            ),
            Mutation(
                contractID: "status.plugin-enum",
                what: "a plugin Delayed",
                observations: [
                    F.lci(
                        F.lciPage.withFirstInvocation(
                            ["Status": "Delayed", "StatusDetails": "Delayed", "ResponseCode": -1, "Output": ""],
                            plugin: true
                        )
                    )
                ]
            ),
            Mutation(
                contractID: "status.details-documented",
                what: "StatusDetails Bogus",
                observations: [
                    F.gci(F.gciSuccess.with(["StatusDetails": "Bogus"]))
                ]
            ),
            Mutation(
                contractID: "status.details-consistent",
                what: "Success with details Failed",
                observations: [
                    F.gci(F.gciSuccess.with(["StatusDetails": "Failed"]))
                ]
            ),
            Mutation(
                contractID: "times.execution-iso8601",
                what: "a start that is not ISO-8601",
                observations: [
                    F.gci(F.gciSuccess.with(["ExecutionStartDateTime": "19 Feb 2020 18:18:03"]))
                ],
                alsoFails: ["times.execution-utc"]
            ),
            Mutation(
                contractID: "times.execution-utc",
                what: "times without Z (moto's form)",
                observations: [
                    F.gci(
                        F.gciSuccess.with([
                            "ExecutionStartDateTime": "2020-02-19T18:18:03.419000",
                            "ExecutionEndDateTime": "2020-02-19T18:18:05.419000",
                        ])
                    )
                ]
            ),
            Mutation(
                contractID: "times.empty-before-start",
                what: "Pending with a start time",
                observations: [
                    F.gci(F.gciPending.with(["ExecutionStartDateTime": "2020-02-19T18:18:03.419Z"]))
                ]
            ),
            Mutation(
                contractID: "times.end-empty-in-flight",
                what: "InProgress with an end time",
                observations: [
                    F.gci(F.gciInProgress.with(["ExecutionEndDateTime": "2020-02-19T18:18:04.419Z"]))
                ]
            ),
            Mutation(
                contractID: "times.end-not-before-start",
                what: "end before start",
                observations: [
                    F.gci(
                        F.gciSuccess.with([
                            "ExecutionEndDateTime": "2020-02-19T18:18:02.419Z", "ExecutionElapsedTime": "",
                        ])
                    )
                ]
            ),
            Mutation(
                contractID: "times.elapsed-duration",
                what: "elapsed not a duration",
                observations: [
                    F.gci(F.gciSuccess.with(["ExecutionElapsedTime": "2.44 seconds"]))
                ]
            ),
            Mutation(
                contractID: "times.elapsed-consistent",
                what: "PT5M with end == start",
                observations: [
                    F.gci(F.gciSuccess.with(["ExecutionElapsedTime": "PT5M"]))
                ]
            ),
            Mutation(
                contractID: "scenario.output",
                what: "stdout other than what the script printed",
                observations:
                    F.fromScenario([F.gci(F.gciSuccess.with(["StandardOutputContent": "hullo\n"]), time: 1_582_136_290)]
                    )
            ),
            Mutation(
                contractID: "scenario.output",
                what: "stdout over 24,000 bytes cut without the marker",
                observations: {
                    var expectations = F.scenarioExpectations
                    expectations.invocations[0].stdout = .repeated("x", count: 30_000)
                    var observation = F.gci(
                        F.gciSuccess.with(["StandardOutputContent": .string(String(repeating: "x", count: 24_000))]),
                        time: 1_582_136_290
                    )
                    observation.scenario = expectations
                    return [observation]
                }(),
                alsoFails: ["output.stdout-truncation-marker"]
            ),
            Mutation(
                contractID: "scenario.output",
                what: "plugin Output without the error title",
                observations: {
                    var expectations = F.scenarioExpectations
                    expectations.invocations[1].stderr = .text("oops\n")
                    var observation = F.lci(F.lciPage.withFirstInvocation(["Output": "hello\noops\n"], plugin: true))
                    observation.scenario = expectations
                    return [observation]
                }()
            ),
            Mutation(
                contractID: "scenario.response-code",
                what: "ResponseCode other than the script's exit code",
                observations:
                    F.fromScenario([F.gci(F.gciSuccess.with(["ResponseCode": 7]), time: 1_582_136_290)])
            ),
            Mutation(
                contractID: "scenario.terminal-status",
                what: "Failed where the scenario succeeds",
                observations:
                    F.fromScenario([
                        F.gci(F.gciSuccess.with(["Status": "Failed", "StatusDetails": "Failed"]), time: 1_582_136_290)
                    ])
            ),
            Mutation(
                contractID: "scenario.not-terminal-early",
                what: "Success half a second after SendCommand for a two-second sleep",
                observations:
                    F.fromScenario([F.gci(F.gciSuccess, time: 1_582_136_279.5)])
            ),
            Mutation(
                contractID: "types.get-command-invocation",
                what: "ResponseCode as a string",
                observations: [
                    F.gci(F.gciSuccess.with(["ResponseCode": "0"]))
                ]
            ),
            Mutation(
                contractID: "types.list-command-invocations",
                what: "NextToken as a number",
                observations: [
                    F.lci(F.lciPage.with(["NextToken": 5]))
                ]
            ),
            Mutation(
                contractID: "types.invocation-members",
                what: "RequestedDateTime as prose",
                observations: [
                    F.lci(F.lciPage.withFirstInvocation(["RequestedDateTime": "yesterday"]))
                ]
            ),
            Mutation(
                contractID: "types.plugin-members",
                what: "plugin ResponseCode as a string",
                observations: [
                    F.lci(F.lciPage.withFirstInvocation(["ResponseCode": "0"], plugin: true))
                ]
            ),
        ]
    }()
}

@Suite struct MutationTests {
    @Test func conformingScenariosPassEveryContract() {
        let report = Fixtures.report(Fixtures.conforming)
        #expect(Fixtures.failing(report).isEmpty)
        let inconclusive = report.rows.filter { $0.verdict == .inconclusive }.map(\.contract.id)
        #expect(inconclusive.isEmpty)
        let neverJudged = report.rows.filter { $0.verdict == .notApplicable }.map(\.contract.id)
        #expect(neverJudged.isEmpty, "every contract should be exercised by the conforming scenarios")
    }

    @Test(arguments: Mutations.all)
    func breakingOneRuleFailsThatContract(_ mutation: Mutation) {
        let report = Fixtures.report(mutation.observations)
        let failing = Fixtures.failing(report)
        #expect(failing.contains(mutation.contractID))
        #expect(
            failing.subtracting([mutation.contractID]).subtracting(mutation.alsoFails).isEmpty,
            "other contracts failed too: \(failing.subtracting([mutation.contractID]).sorted())"
        )
    }

    @Test func everyContractHasAMutationTest() {
        let tested = Set(Mutations.all.map(\.contractID))
        let catalog = Set(Fixtures.catalog.contracts.map(\.id))
        #expect(catalog.subtracting(tested).sorted() == [], "contracts without a mutation test")
        #expect(tested.subtracting(catalog).sorted() == [], "mutation tests for contracts not in the catalog")
    }
}
