import Foundation

extension RecordingRunner {
    /// What `record` prints: one line per cassette, then one indented line per call.
    package static func summary(_ runs: [ScenarioRun], options: RecordingOptions) -> String {
        let endpoint = runs.first?.endpoint ?? "nowhere"
        var lines = [
            "recorded \(runs.count) scenario\(runs.count == 1 ? "" : "s") from \(endpoint) (\(options.source)) into \(options.outputDirectory.relativePath)"
        ]
        for run in runs {
            lines.append("\(run.cassette.lastPathComponent): \(run.report.interactionCount) interactions")
            lines += run.steps.map { "  \($0)" }
        }
        for run in runs {
            if case .inconclusive(let reason) = run.outcome { lines.append("INCONCLUSIVE \(run.scenario): \(reason)") }
        }
        return lines.joined(separator: "\n")
    }
}
