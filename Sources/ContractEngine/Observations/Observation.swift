import AWSWire
import RawJSON

/// One response the engine judges: the operation, the request that asked for it, what came back, and when.
public struct Observation: Sendable {
    /// What came back.
    public enum Body: Sendable {
        /// A JSON document (a successful response), on the tape it was parsed into.
        case json(JSONTape.Value)
        /// An AWS error, decoded by the Smithy awsJson1_1 rules (``AWSErrorDecoder``).
        case error(AWSServiceError)
        /// A body that is neither a JSON response nor an AWS error (an HTML page, truncated JSON): why.
        case unreadable(String)
    }

    /// The wire operation name, e.g. `GetCommandInvocation`.
    public var operation: String
    /// The request body, when known.
    public var request: JSONTape.Value?
    /// The HTTP status, when known (`check` on a body alone does not know it).
    public var status: Int?
    /// The response.
    public var body: Body
    /// When the request was sent (epoch seconds), when known.
    public var time: Double?
    /// Where the observation was read from.
    public var location: ObservationLocation
    /// The target it was observed on: `moto-5.2.1`, `live`, `aws-docs`, `synthetic`, `input`.
    public var target: String
    /// What the scenario that recorded the cassette expects (its header's `scenario` member), if any.
    public var scenario: ScenarioExpectations?

    public init(
        operation: String,
        request: JSONTape.Value?,
        status: Int?,
        body: Body,
        time: Double?,
        location: ObservationLocation,
        target: String,
        scenario: ScenarioExpectations? = nil
    ) {
        self.operation = operation
        self.request = request
        self.status = status
        self.body = body
        self.time = time
        self.location = location
        self.target = target
        self.scenario = scenario
    }
}

extension Observation.Body {
    /// A JSON document held as a ``JSONValue`` (put on a tape of its own).
    public static func json(_ value: JSONValue) -> Self { .json(JSONTape(value).root) }
}

/// Where an observation was read from: a file and, for cassettes, the interaction index.
public struct ObservationLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file (or `-` for standard input).
    public let file: String
    /// The interaction index inside a cassette.
    public let interaction: Int?

    public init(file: String, interaction: Int? = nil) {
        self.file = file
        self.interaction = interaction
    }

    /// `FILE interactions[N]` or `FILE`.
    public var description: String {
        interaction.map { "\(file) interactions[\($0)]" } ?? file
    }
}

/// Operation names: the wire name (`GetCommandInvocation`) and the AWS CLI name (`get-command-invocation`).
public enum OperationName {
    /// `get-command-invocation` → `GetCommandInvocation`.
    public static func wire(fromCLI name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `GetCommandInvocation` → `get-command-invocation`.
    public static func cli(fromWire name: String) -> String {
        var result = ""
        for (i, character) in name.enumerated() {
            if character.isUppercase, i > 0 { result += "-" }
            result += character.lowercased()
        }
        return result
    }
}
