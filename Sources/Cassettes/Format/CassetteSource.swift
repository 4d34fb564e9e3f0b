/// Where a cassette's responses came from. Written in the header as `live`, `mock:NAME@VERSION`, `aws-docs`
/// or `synthetic`; synthetic data is never presented as recorded from AWS.
public enum CassetteSource: Sendable, Hashable, CustomStringConvertible {
    /// Recorded from a live AWS account.
    case live
    /// Recorded from a mock server, e.g. `mock:moto@5.2.1`.
    case mock(name: String, version: String)
    /// Rebuilt from an example in the AWS documentation (the header cites the page).
    case awsDocs
    /// Written by hand or generated, as a reference; not observed anywhere.
    case synthetic

    /// Parses the header spelling; `nil` if it is none of the four forms.
    public init?(_ text: String) {
        switch text {
        case "live": self = .live
        case "aws-docs": self = .awsDocs
        case "synthetic": self = .synthetic
        default:
            guard text.hasPrefix("mock:") else { return nil }
            let rest = text.dropFirst("mock:".count)
            guard let at = rest.firstIndex(of: "@") else { return nil }
            let name = String(rest[..<at])
            let version = String(rest[rest.index(after: at)...])
            guard !name.isEmpty, !version.isEmpty else { return nil }
            self = .mock(name: name, version: version)
        }
    }

    /// The header spelling.
    public var description: String {
        switch self {
        case .live: "live"
        case .mock(let name, let version): "mock:\(name)@\(version)"
        case .awsDocs: "aws-docs"
        case .synthetic: "synthetic"
        }
    }
}
