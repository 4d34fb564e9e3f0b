import Foundation

/// What a ``CassetteTransport`` did: how many requests were replayed, recorded or passed through, whether the
/// cassette was written, and which recorded interactions were never used.
public struct CassetteReport: Sendable, Hashable, CustomStringConvertible {
    /// A recorded interaction no request asked for.
    public struct UnusedInteraction: Sendable, Hashable, CustomStringConvertible {
        /// Its index in the cassette's `interactions`.
        public let index: Int
        /// Its request in one line (`POST / AmazonSSM.ListCommands {"CommandId":"…"}`).
        public let request: String

        public var description: String { "interactions[\(index)] \(request)" }
    }

    /// The cassette file.
    public let file: URL
    /// The mode the transport ran in.
    public let mode: RecordMode
    /// Interactions in the cassette at the end.
    public let interactionCount: Int
    /// Requests answered from the cassette.
    public let replayed: Int
    /// Requests sent upstream and recorded.
    public let recorded: Int
    /// Requests sent upstream and not recorded (`live` mode).
    public let passedThrough: Int
    /// Recorded interactions never used, in cassette order (always empty in `record` and `live`).
    public let unused: [UnusedInteraction]
    /// Whether ``CassetteTransport/finish()`` wrote the cassette file.
    public let wroteCassette: Bool

    public var description: String {
        var text =
            "\(file.path) (\(mode.rawValue)): \(interactionCount) interactions, \(replayed) replayed, \(recorded) recorded"
        if passedThrough > 0 { text += ", \(passedThrough) passed through" }
        text += wroteCassette ? ", written" : ", not written"
        if unused.isEmpty { return text + ", none unused" }
        return text + ", \(unused.count) unused: " + unused.map(\.description).joined(separator: "; ")
    }
}
