import Foundation
import HTTPTransport
import RawJSON

/// The header of a cassette: what it is, where its data came from and when.
public struct CassetteHeader: Sendable, Hashable {
    /// Where the responses came from.
    public var source: CassetteSource
    /// When the recording session that created the cassette began (or the example was rebuilt), ISO-8601 UTC.
    /// Interactions added later by `record-missing` keep their own `startedAt`.
    public var recordedAt: String
    /// The AWS region the requests went to, if any.
    public var region: String?
    /// The tool and version that wrote the cassette, e.g. `ssm-contract 0.1.0`.
    public var tool: String
    /// What the recording shows, in a sentence.
    public var description: String?
    /// For `aws-docs` cassettes: the pages the examples come from.
    public var citations: [String]
    /// Set when identifiers in the interactions are pseudonyms (see `Recordings/README.md`).
    public var pseudonymisation: CassettePseudonymisation?
    /// Any further header members, kept as read.
    public var extra: JSONObject

    /// Creates a value from its parts.
    public init(
        source: CassetteSource,
        recordedAt: String,
        region: String? = nil,
        tool: String = Cassette.toolName,
        description: String? = nil,
        citations: [String] = [],
        pseudonymisation: CassettePseudonymisation? = nil,
        extra: JSONObject = JSONObject()
    ) {
        self.source = source
        self.recordedAt = recordedAt
        self.region = region
        self.tool = tool
        self.description = description
        self.citations = citations
        self.pseudonymisation = pseudonymisation
        self.extra = extra
    }
}

/// A recording: a header and the interactions in the order they happened.
///
/// The file format is documented in `Recordings/README.md`; ``Cassette/load(from:)`` and
/// ``Cassette/save(to:)`` read and write it.
public struct Cassette: Sendable, Hashable {
    /// The value of the `format` member that identifies a cassette file.
    public static let formatName = "ssm-contract.cassette"
    /// The format version this build writes and reads.
    public static let formatVersion = 1
    /// The tool name and version written into new cassettes.
    public static let toolName = "\(ToolIdentity.name) \(ToolIdentity.version)"

    /// What the cassette is, where its data came from and when.
    public var header: CassetteHeader
    /// The interactions in the order they completed.
    public var interactions: [Interaction]

    /// Creates a value from its parts.
    public init(header: CassetteHeader, interactions: [Interaction] = []) {
        self.header = header
        self.interactions = interactions
    }
}
