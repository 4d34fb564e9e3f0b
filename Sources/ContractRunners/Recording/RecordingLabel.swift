import Cassettes
import Foundation

/// Recordings say truthfully where they came from: `live` only for an AWS endpoint, a mock's source only for
/// an endpoint that is not AWS, and nothing but live recordings in a folder named `live`.
enum RecordingLabel {
    /// The folder name that holds live AWS recordings only (`Recordings/live`).
    static let liveFolderName = "live"

    /// Throws (bad input) when `source` would mislabel what `endpoint` answers, or put a mock's answers into a
    /// `live` folder.
    static func check(_ source: CassetteSource, endpoint: String, folder: URL) throws(RunnerError) {
        _ = try LiveSource.resolve(explicit: source.description, endpoint: endpoint)
        if source != .live, folder.standardizedFileURL.lastPathComponent == liveFolderName {
            throw RunnerError(
                "\(folder.relativePath) holds live AWS recordings only and this recording is \(source); choose another folder (e.g. Recordings/\(LiveOptions.defaultBaseline(for: source).split(separator: "/").last ?? "mock"))",
                status: .badInput
            )
        }
    }
}
