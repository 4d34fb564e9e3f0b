/// Missing or malformed AWS configuration, as one line that names every source read and what to do.
///
/// Example: `no credentials: read env AWS_ACCESS_KEY_ID (unset), /root/.aws/credentials [default] (file
/// missing), /root/.aws/config [default] (no keys); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add
/// aws_access_key_id and aws_secret_access_key to [default] in /root/.aws/credentials`.
public struct AWSConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No source supplied credentials.
        public static let missingCredentials = Kind("missing credentials")
        /// Only part of a key pair was given (an access key id without a secret, or the reverse).
        public static let partialCredentials = Kind("partial credentials")
        /// No source supplied a region.
        public static let missingRegion = Kind("missing region")
        /// The selected profile exists in neither file.
        public static let profileNotFound = Kind("profile not found")
        /// A config or credentials file cannot be parsed or read.
        public static let malformedFile = Kind("malformed file")
        /// A value is present but invalid (an endpoint URL that is not http(s), a boolean that is not true/false).
        public static let invalidValue = Kind("invalid value")
        /// More than one of the above; ``AWSConfigurationError/kinds`` lists them.
        public static let several = Kind("several problems")

        public var description: String { name }
    }

    /// The kind of problem (``Kind/several`` when ``kinds`` has more than one).
    public let kind: Kind
    /// Every problem found, in the order reported.
    public let kinds: [Kind]
    /// The full one-line message.
    public let message: String

    /// Creates an error with one problem.
    public init(_ message: String, kind: Kind) {
        self.kind = kind
        self.kinds = [kind]
        self.message = message
    }

    /// Merges several problems into one error whose message lists them all, separated by ` | `.
    public init(combining errors: [AWSConfigurationError]) {
        let kinds = errors.flatMap(\.kinds)
        self.kinds = kinds
        self.kind = kinds.count == 1 ? kinds[0] : .several
        self.message = errors.map(\.message).joined(separator: " | ")
    }

    public var description: String { message }
}
