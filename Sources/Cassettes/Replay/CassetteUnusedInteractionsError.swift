import Foundation

/// Thrown by ``CassetteTransport/finish()`` when ``CassetteOptions/failsOnUnusedInteractions`` is set and
/// recorded interactions were never used (the code under test made fewer calls than were recorded).
public struct CassetteUnusedInteractionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The full report (the cassette was written first if the mode writes).
    public let report: CassetteReport

    public var description: String {
        "\(report.file.path): \(report.unused.count) recorded \(report.unused.count == 1 ? "interaction was" : "interactions were") never used: "
            + report.unused.map(\.description).joined(separator: "; ")
            + "; remove them by recording again (SSM_CONTRACT_RECORD_MODE=record) or allow unused interactions"
    }
}
