import ContractEngine
import Foundation
import TestSupport
import Testing

@testable import ContractRunners

/// `Contracts/scenarios.yaml`: every documented situation is in it, and a malformed catalog is one line naming
/// the file and the field.
@Suite struct ScenarioCatalogTests {
    static let catalog = try! ScenarioCatalog.load(folder: PackageRoot.path("Contracts"))

    @Test func theCatalogHoldsEveryDocumentedSituation() throws {
        let scenarios = Dictionary(uniqueKeysWithValues: Self.catalog.scenarios.map { ($0.name, $0) })
        let expected: [(String, String, String?)] = [
            ("success-known-output", "Success", "Success"), ("in-flight", "Success", "Success"),
            ("failure-exit-code", "Failed", "Failed"), ("execution-timeout", "TimedOut", "ExecutionTimedOut"),
            ("cancel-while-running", "Cancelled", "Cancelled"),
            ("unreachable-instance", "TimedOut", "DeliveryTimedOut"),
        ]
        for (name, status, details) in expected {
            let scenario = try #require(scenarios[name], "no scenario \(name)")
            #expect(scenario.expect?.status == [status])
            #expect(scenario.expect?.statusDetails == details.map { [$0] } ?? [])
            #expect(scenario.runs["linux"]?.document == "AWS-RunShellScript")
            #expect(scenario.runs["windows"]?.document == "AWS-RunPowerShellScript")
        }
        #expect(scenarios["failure-exit-code"]?.expect?.responseCode == "3")
        #expect(scenarios["execution-timeout"]?.documentParameters == ["executionTimeout": "{execution-timeout}"])
        #expect(scenarios["stdout-over-limit-ascii"]?.expect?.stdout == .repeated("x", count: 30_000))
        #expect(scenarios["stdout-over-limit-multibyte"]?.expect?.stdout == .repeated("日本", count: 10_000))
        #expect(scenarios["stderr-over-limit"]?.expect?.stderr == .repeated("e", count: 9_000))
        #expect(scenarios["several-instances-pagination"]?.instances == .all)
        #expect(scenarios["unreachable-instance"]?.instances == .offline)
        let steps = Self.catalog.scenarios.flatMap(\.steps)
        for probe in ScenarioStep.Probe.allCases {
            #expect(steps.contains(.probe(probe)), "no \(probe.rawValue) probe")
        }
        #expect(steps.contains(.cancel) && steps.contains(.getRightAfterSend) && steps.contains(.pollUntilRunning))
        #expect(
            steps.contains {
                if case .list(let list) = $0 {
                    return list.maxResults == 1 && list.allPages && list.details == true
                } else {
                    return false
                }
            }
        )
        let filterKeys = Set(
            steps.flatMap { step -> [String] in
                if case .list(let list) = step { return list.filters.map { $0[0] } } else { return [] }
            }
        )
        #expect(filterKeys == ["Status", "InvokedAfter", "InvokedBefore"])
    }

    @Test func placeholdersAndPlatformOverridesAreFilledIn() throws {
        let inFlight = try #require(Self.catalog.scenarios.first { $0.name == "in-flight" })
        let linux = try #require(inFlight.expectation(platform: "linux", parameters: ["sleep": "1"]))
        #expect(linux.stdout == .text("ssm-contract: slept 1 s\n") && linux.runsAtLeast == "1")
        let windows = try #require(inFlight.expectation(platform: "windows", parameters: ["sleep": "1"]))
        #expect(windows.stdout == .text("ssm-contract: slept 1 s\r\n"))
        let timeout = try #require(Self.catalog.scenarios.first { $0.name == "execution-timeout" })
        #expect(timeout.expectation(platform: "windows", parameters: [:])?.responseCode == "-1")
        #expect(timeout.expectation(platform: "linux", parameters: [:])?.responseCode == "137")
    }

    @Test func skippedWithoutTheInstancesTheyNeed() throws {
        let context = ScenarioContext(instanceIDs: ["i-0123456789abcdef0"])
        let paging = try #require(Self.catalog.scenarios.first { $0.name == "several-instances-pagination" })
        #expect(context.skipReason(paging) == "needs at least 2 --instance-id (1 given)")
        let offline = try #require(Self.catalog.scenarios.first { $0.name == "unreachable-instance" })
        #expect(context.skipReason(offline)?.hasPrefix("needs --offline-instance-id") == true)
        #expect(
            ScenarioContext(instanceIDs: ["i-0123456789abcdef0"], offlineInstanceID: "i-0aaaaaaaaaaaaaaaa").skipReason(
                offline
            ) == nil
        )
    }

    @Test(arguments: [
        (
            "scenarios:\n  - name: a\n    description: d\n    steps: [send]\n    run: {linux: {commands: [x]}}\n    colour: red\n",
            "scenario a: unknown key \"colour\""
        ),
        ("scenarios:\n  - name: a\n    description: d\n    steps: [jump]\n", "scenario a: unknown step \"jump\""),
        (
            "scenarios:\n  - name: a\n    description: d\n    steps: [{probe: nothing}]\n",
            "scenario a: probe \"nothing\" is not one of unknown-command-id"
        ),
        (
            "scenarios:\n  - name: a\n    description: d\n    steps: [send]\n",
            "scenario a: sends a command but has no run.linux / run.windows commands"
        ),
        (
            "scenarios:\n  - name: a\n    description: d\n    instances: some\n    steps: [poll]\n",
            "scenario a: instances \"some\" is not first, all or offline"
        ),
        ("contracts: []\n", "has no \"scenarios:\" list"),
        ("scenarios: [\n", "is not valid YAML"),
    ])
    func aMalformedCatalogNamesTheFileAndField(_ text: String, _ expected: String) {
        #expect {
            _ = try ScenarioCatalog.parse(text, file: "team/scenarios.yaml")
        } throws: { error in
            guard let error = error as? RunnerError else { return false }
            return error.status == .badInput && error.message.hasPrefix("team/scenarios.yaml: ")
                && error.message.contains(expected)
        }
    }

    @Test func anUnknownScenarioNamesThoseThereAre() {
        #expect {
            _ = try Self.catalog.select(["nope"])
        } throws: { error in
            (error as? RunnerError)?.message.hasPrefix(
                "unknown scenario \"nope\"; use one of: success-known-output, in-flight"
            ) == true
        }
    }
}
