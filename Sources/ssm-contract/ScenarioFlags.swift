import ArgumentParser
import Foundation

/// The flags that choose and shape the scenarios (`record` and `live`).
struct ScenarioFlags: ParsableArguments {
    @Option(
        name: .customLong("instance-id"),
        help:
            "A test instance the scenarios send commands to (repeat for several; several-instances-pagination needs two)."
    )
    var instanceIDs: [String] = []

    @Option(
        name: .customLong("offline-instance-id"),
        help:
            "An instance whose agent never answers: runs the unreachable-instance scenario (Pending, then DeliveryTimedOut)."
    )
    var offlineInstanceID: String?

    @Option(
        name: .customLong("scenario"),
        help: "Run only this scenario of Contracts/scenarios.yaml (repeat for several)."
    )
    var scenarios: [String] = []

    @Option(help: "linux (AWS-RunShellScript) or windows (AWS-RunPowerShellScript): which commands the scenarios send.")
    var platform = "linux"

    @Option(
        name: .customLong("scenario-parameter"),
        help: ArgumentHelp("Override a scenario parameter, e.g. sleep=1 (repeatable).", valueName: "NAME=VALUE")
    )
    var scenarioParameters: [String] = []

    @Option(
        name: .customLong("poll-delay"),
        parsing: .unconditional,
        help:
            "Seconds before the first GetCommandInvocation poll; later polls back off (× 1.5, at most 8 ×, at most 30 s)."
    )
    var pollDelay: Double = 5

    @Flag(help: "Print only failures and the summary, not a line per step.")
    var quiet = false

    func validate() throws {
        guard ["linux", "windows"].contains(platform) else {
            throw ValidationError("--platform \(platform): use linux or windows")
        }
        guard pollDelay >= 0 else { throw ValidationError("--poll-delay \(pollDelay): use 0 or more seconds") }
        for pair in scenarioParameters where !pair.contains("=") || pair.hasPrefix("=") {
            throw ValidationError("--scenario-parameter \(pair): write NAME=VALUE, e.g. sleep=1")
        }
    }

    var parameters: [String: String] {
        Dictionary(
            scenarioParameters.map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            },
            uniquingKeysWith: { _, last in last }
        )
    }

    /// Progress lines on standard error (the report goes to standard output); with --quiet only failures.
    var progress: @Sendable (String) -> Void {
        let quiet = quiet
        return { line in
            if quiet, !(line.contains("FAIL") || line.contains("inconclusive") || line.contains("could not cancel")) {
                return
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
