/// A cassette transport, redaction rule or record mode that is configured wrongly; the message says what to do.
public struct CassetteConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line: what is wrong and how to fix it.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
