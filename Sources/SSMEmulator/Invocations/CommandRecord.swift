import Foundation

/// A command as SendCommand accepted it.
struct CommandRecord: Sendable {
    let commandID: String
    let documentName: String
    let documentVersion: String
    let comment: String
    /// The parameters as sent (`commands`, `workingDirectory`, `executionTimeout`).
    let parameters: [String: [String]]
    let instanceIDs: [String]
    let requestedAt: Date
    /// SendCommand's `TimeoutSeconds`: how long delivery may take.
    let deliveryTimeout: Int
    /// The execution timeout the agent applies (seconds).
    let executionTimeout: Int
    let maxConcurrency: String
    let maxErrors: String

    /// The script: `commands` joined by newlines, with a final newline (the agent's `CreateScriptFile`).
    var script: String { (parameters["commands"] ?? []).joined(separator: "\n") + "\n" }

    var workingDirectory: String? { parameters["workingDirectory"]?.first.flatMap { $0.isEmpty ? nil : $0 } }
}
