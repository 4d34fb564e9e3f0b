import ContractEngine
import Foundation
import Yams

/// The scenarios of `Contracts/scenarios.yaml`, used by `record` and `live`.
public struct ScenarioCatalog: Sendable {
    /// The scenarios, in file order (the order `record` and `live` start them).
    public let scenarios: [ScenarioDefinition]
    /// The file they were read from.
    public let file: String

    /// The file name inside a catalog folder.
    public static let fileName = "scenarios.yaml"

    /// Reads `scenarios.yaml` in `folder` (the `--catalog` folder, default `Contracts`).
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) naming the file and the field that is wrong.
    public static func load(folder: URL = URL(fileURLWithPath: "Contracts")) throws(RunnerError) -> ScenarioCatalog {
        let url = folder.appendingPathComponent(fileName)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RunnerError(
                "\(url.relativePath): cannot be read; point --catalog at the Contracts folder (it holds \(fileName))",
                status: .badInput
            )
        }
        return try parse(text, file: url.relativePath)
    }

    /// Reads the scenario catalog of `location`: `scenarios.yaml` in a catalog folder, or the copy built into
    /// the binary (so a copied `ssm-contract` records and checks without the checkout).
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) naming the file and the field that is wrong.
    package static func load(_ location: CatalogLocation) throws(RunnerError) -> ScenarioCatalog {
        switch location {
        case .folder(let folder):
            return try load(folder: folder)
        case .builtIn:
            guard let text = BuiltInCatalog.text(ofFile: fileName) else {
                throw RunnerError(
                    "this build has no built-in \(fileName); point --catalog at the Contracts folder",
                    status: .badInput
                )
            }
            return try parse(text, file: BuiltInCatalog.folder + "/" + fileName)
        }
    }

    /// Parses the text of a scenario catalog.
    public static func parse(_ text: String, file: String) throws(RunnerError) -> ScenarioCatalog {
        func fail(_ what: String) -> RunnerError { RunnerError("\(file): \(what)", status: .badInput) }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch { throw fail("is not valid YAML (\(error))") }
        guard let map = root as? [String: Any], let list = map["scenarios"] as? [Any] else {
            throw fail("has no \"scenarios:\" list")
        }
        let defaults = map["defaults"] as? [String: Any] ?? [:]
        let documents = (defaults["platforms"] as? [String: Any] ?? [:]).compactMapValues {
            ($0 as? [String: Any])?["document"] as? String
        }
        let maxWait = number(defaults["max-wait"]) ?? 120
        var scenarios: [ScenarioDefinition] = []
        for (index, element) in list.enumerated() {
            guard let entry = element as? [String: Any], let name = entry["name"] as? String else {
                throw fail("scenarios[\(index)] needs a name")
            }
            let scenario = try definition(
                entry,
                name: name,
                documents: documents,
                maxWait: maxWait,
                fail: { fail("scenario \(name): \($0)") }
            )
            guard !scenarios.contains(where: { $0.name == name }) else {
                throw fail("scenario \(name) is defined twice")
            }
            scenarios.append(scenario)
        }
        return ScenarioCatalog(scenarios: scenarios, file: file)
    }

    /// The scenarios named (all when `names` is empty), in catalog order of the names given.
    ///
    /// - Throws: ``RunnerError`` (bad input) for a name the catalog does not have, listing those it has.
    public func select(_ names: [String]) throws(RunnerError) -> [ScenarioDefinition] {
        guard !names.isEmpty else { return scenarios }
        var selected: [ScenarioDefinition] = []
        for name in names {
            guard let scenario = scenarios.first(where: { $0.name == name }) else {
                throw RunnerError(
                    "unknown scenario \"\(name)\"; use one of: \(scenarios.map(\.name).joined(separator: ", "))",
                    status: .badInput
                )
            }
            selected.append(scenario)
        }
        return selected
    }

    static let keys: Set<String> = [
        "name", "description", "instances", "minimum-instances", "parameters", "document-parameters", "timeout-seconds",
        "max-wait", "run", "steps", "expect", "windows-expect", "linux-expect",
    ]

    static func definition(
        _ entry: [String: Any],
        name: String,
        documents: [String: String],
        maxWait: Double,
        fail: (String) -> RunnerError
    ) throws(RunnerError) -> ScenarioDefinition {
        if let unknown = entry.keys.first(where: { !keys.contains($0) }) { throw fail("unknown key \"\(unknown)\"") }
        guard let description = entry["description"] as? String else { throw fail("needs a description") }
        let instances: ScenarioDefinition.Instances
        switch entry["instances"] {
        case nil: instances = .first
        case let text as String:
            guard let value = ScenarioDefinition.Instances(rawValue: text) else {
                throw fail("instances \"\(text)\" is not first, all or offline")
            }
            instances = value
        default: throw fail("instances is not first, all or offline")
        }
        var runs: [String: ScenarioDefinition.Run] = [:]
        for (platform, value) in entry["run"] as? [String: Any] ?? [:] {
            guard let run = value as? [String: Any], let commands = run["commands"] as? [Any] else {
                throw fail("run.\(platform) needs a commands list")
            }
            guard let document = run["document"] as? String ?? documents[platform] else {
                throw fail("run.\(platform): no document (set defaults.platforms.\(platform).document)")
            }
            runs[platform] = .init(document: document, commands: commands.map { "\($0)" })
        }
        guard let stepList = entry["steps"] as? [Any], !stepList.isEmpty else { throw fail("needs steps") }
        let steps = try stepList.map { (element) throws(RunnerError) in try step(element, fail: fail) }
        if steps.contains(.send), runs.isEmpty {
            throw fail("sends a command but has no run.linux / run.windows commands")
        }
        return ScenarioDefinition(
            name: name,
            description: description,
            instances: instances,
            minimumInstances: (entry["minimum-instances"] as? Int) ?? 1,
            parameters: (entry["parameters"] as? [String: Any] ?? [:]).mapValues { "\($0)" },
            documentParameters: (entry["document-parameters"] as? [String: Any] ?? [:]).mapValues { "\($0)" },
            timeoutSeconds: entry["timeout-seconds"] as? Int,
            maxWait: number(entry["max-wait"]) ?? maxWait,
            runs: runs,
            steps: steps,
            expect: try expectation(entry["expect"], fail: fail),
            platformExpect: [
                "windows": try expectation(entry["windows-expect"], fail: fail),
                "linux": try expectation(entry["linux-expect"], fail: fail),
            ].compactMapValues { $0 }
        )
    }

    static func step(_ element: Any, fail: (String) -> RunnerError) throws(RunnerError) -> ScenarioStep {
        if let name = element as? String {
            switch name {
            case "send": return .send
            case "get-right-after-send": return .getRightAfterSend
            case "poll": return .poll
            case "poll-until-running": return .pollUntilRunning
            case "cancel": return .cancel
            case "list": return .list(.init())
            case "list-commands": return .listCommands
            case "describe-instances": return .describeInstances
            default: throw fail("unknown step \"\(name)\"")
            }
        }
        guard let map = element as? [String: Any], map.count == 1, let (key, value) = map.first else {
            throw fail("a step is a name or {name: options}")
        }
        switch key {
        case "probe":
            guard let text = value as? String, let probe = ScenarioStep.Probe(rawValue: text) else {
                throw fail(
                    "probe \"\(value)\" is not one of \(ScenarioStep.Probe.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return .probe(probe)
        case "list":
            let options = value as? [String: Any] ?? [:]
            var list = ScenarioStep.ListStep()
            list.details = options["details"] as? Bool
            list.maxResults = options["max-results"] as? Int
            list.allPages = (options["pages"] as? String) == "all"
            for filter in options["filters"] as? [Any] ?? [] {
                guard let pair = filter as? [String: Any], let key = pair["key"] as? String, let value = pair["value"]
                else {
                    throw fail("a list filter is {key: K, value: V}")
                }
                list.filters.append([key, "\(value)"])
            }
            return .list(list)
        default:
            throw fail("unknown step \"\(key)\"")
        }
    }

    static func expectation(
        _ value: Any?,
        fail: (String) -> RunnerError
    ) throws(RunnerError) -> ScenarioDefinition.Expectation? {
        guard let value else { return nil }
        guard let map = value as? [String: Any] else { throw fail("expect is a mapping") }
        func strings(_ key: String) -> [String] {
            switch map[key] {
            case let list as [Any]: list.map { "\($0)" }
            case let one?: ["\(one)"]
            case nil: []
            }
        }
        func text(_ key: String) throws(RunnerError) -> ExpectedText? {
            guard let spec = map[key] else { return nil }
            if let spec = spec as? [String: Any], let literal = spec["text"] as? String { return .text(literal) }
            if let spec = spec as? [String: Any], let unit = spec["repeat"] as? String,
                let count = spec["count"] as? Int
            {
                return .repeated(unit, count: count)
            }
            throw fail("expect.\(key) is {text: …} or {repeat: …, count: N}")
        }
        return .init(
            status: strings("status"),
            statusDetails: strings("status-details"),
            responseCode: map["response-code"].map { "\($0)" },
            stdout: try text("stdout"),
            stderr: try text("stderr"),
            runsAtLeast: map["runs-at-least"].map { "\($0)" }
        )
    }

    static func number(_ value: Any?) -> Double? {
        switch value {
        case let int as Int: Double(int)
        case let double as Double: double
        default: nil
        }
    }
}
