/// The emulator could not start.
public struct EmulatorError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Hashable {
        /// Options that cannot work (a non-loopback host without SigV4 checks, a malformed instance id).
        case badOptions
        /// The address cannot be bound.
        case cannotListen
        /// The scratch folder cannot be created.
        case scratch
    }

    /// What went wrong, in one line.
    public let message: String
    /// What kind of problem it is (the CLI maps it onto an exit status).
    public let kind: Kind

    /// Creates an error.
    public init(_ message: String, kind: Kind) {
        self.message = message
        self.kind = kind
    }

    /// The one-line message.
    public var description: String { message }
}
