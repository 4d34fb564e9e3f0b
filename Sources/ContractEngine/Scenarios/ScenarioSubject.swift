import RawJSON

/// One place in a response where a scenario's invocation shows: a GetCommandInvocation body, a listed
/// invocation, or a listed plugin — with its expectation.
struct ScenarioSubject {
    enum Kind { case getCommandInvocation, listedInvocation, listedPlugin }

    let kind: Kind
    let path: String
    let value: JSONTape.Value
    let expectation: ScenarioExpectations.Invocation

    var status: String? { value["Status"]?.stringValue }
    var isTerminal: Bool { StatusVocabulary.isTerminal(status) }

    /// Every subject of the observation that one of the scenario's invocations names.
    static func subjects(of observation: Observation) -> [ScenarioSubject]? {
        guard let expectations = observation.scenario, case .json(let body) = observation.body else { return nil }
        var subjects: [ScenarioSubject] = []
        switch observation.operation {
        case "GetCommandInvocation":
            if let command = body["CommandId"]?.stringValue, let instance = body["InstanceId"]?.stringValue,
                let expectation = expectations.invocation(commandID: command, instanceID: instance)
            {
                subjects.append(
                    ScenarioSubject(kind: .getCommandInvocation, path: "$", value: body, expectation: expectation)
                )
            }
        case "ListCommandInvocations":
            for (i, invocation) in (body["CommandInvocations"]?.arrayValue ?? []).enumerated() {
                guard let command = invocation["CommandId"]?.stringValue,
                    let instance = invocation["InstanceId"]?.stringValue,
                    let expectation = expectations.invocation(commandID: command, instanceID: instance)
                else { continue }
                let path = "$.CommandInvocations[\(i)]"
                subjects.append(
                    ScenarioSubject(kind: .listedInvocation, path: path, value: invocation, expectation: expectation)
                )
                for (j, plugin) in (invocation["CommandPlugins"]?.arrayValue ?? []).enumerated() {
                    subjects.append(
                        ScenarioSubject(
                            kind: .listedPlugin,
                            path: "\(path).CommandPlugins[\(j)]",
                            value: plugin,
                            expectation: expectation
                        )
                    )
                }
            }
        default: return nil
        }
        return subjects
    }

    /// Judges every subject with `judge` (nil: not applicable to it); the worst verdict wins, its field
    /// prefixed with the subject's path.
    static func judge(_ observation: Observation, _ judge: (ScenarioSubject) -> Verdict?) -> Verdict {
        guard let subjects = subjects(of: observation) else {
            return Verdict(
                .notApplicable,
                detail: observation.scenario == nil ? "the cassette records no scenario expectations" : nil
            )
        }
        var result = Verdict(.notApplicable)
        for subject in subjects {
            guard var verdict = judge(subject) else { continue }
            if let field = verdict.field, subject.path != "$" {
                verdict.field = "\(subject.path.dropFirst(2)).\(field)"
            }
            if verdict.outcome.weight > result.outcome.weight { result = verdict }
        }
        return result
    }
}
