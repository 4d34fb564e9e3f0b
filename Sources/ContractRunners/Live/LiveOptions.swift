import AWSWire
import Cassettes
import Foundation

/// What `ssm-contract live` runs, against what, and where it writes.
public struct LiveOptions: Sendable {
    /// The managed nodes the scenarios send their command to (at least one).
    public var instanceIDs: [String] = []
    /// The endpoint (`--endpoint-url`); `nil` resolves it from the AWS configuration.
    public var endpointURL: String?
    /// The region (`--region`); `nil` resolves it from the AWS configuration.
    public var region: String?
    /// The profile (`--profile`).
    public var profile: String?
    /// `--source`: required (`mock:NAME@VERSION`) when the endpoint is not AWS; `nil` or `live` for AWS.
    public var source: String?
    /// `--baseline DIR` (default: `Recordings/live`, or `Recordings/mock-NAME-VERSION` for a mock source).
    public var baseline: String?
    /// `--output DIR` for the fresh cassettes (default: `.build/live/<UTC time>`); never the baseline.
    public var output: String?
    /// The scenarios to run (empty: all).
    public var scenarioNames: [String] = []
    /// `--json FILE`: the whole report (recording, contracts, drift) as JSON.
    public var json: String?
    /// `--junit FILE`: contracts and drift as JUnit XML.
    public var junit: String?
    /// `--update-baseline`: replace the baseline's cassettes with the fresh ones (atomically).
    public var updateBaseline = false
    /// Catalog, contract files, selection and deviations for the contract check.
    public var catalog = CatalogOptions()
    /// The environment the AWS configuration is resolved from.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Seconds between CommandExecuted polls.
    public var pollDelay: Double = 5
    /// The retry policy of the SSM client.
    public var retryStrategy: AWSRetryStrategy = .standard
    /// An instance whose agent never answers (`--offline-instance-id`), for the unreachable-instance scenario.
    public var offlineInstanceID: String?
    /// `linux` or `windows`: which documents and commands the scenarios send.
    public var platform = "linux"
    /// `--scenario-parameter NAME=VALUE` overrides (e.g. `sleep=1`).
    public var parameters: [String: String] = [:]
    /// How many scenarios run at once (`--concurrency`).
    public var concurrency = 4
    /// The wall-time cap in seconds (`--max-wall-time`): past it nothing new is sent, the run's own in-flight
    /// commands are cancelled and the unfinished scenarios are inconclusive.
    public var maxWallTime: Double = LiveOptions.defaultMaxWallTime
    /// The API-call cap (`--max-api-calls`): every request counts, retries included; the run's own
    /// CancelCommand calls are sent beyond it.
    public var maxAPICalls = LiveOptions.defaultMaxAPICalls
    /// One line per step as it happens (`live` prints them on standard error).
    public var progress: @Sendable (String) -> Void = { _ in }
    /// The Python venv whose botocore the committed model is compared with (default `$SSM_CONTRACT_VENV`, else
    /// `./.venv`).
    public var venv: String?
    /// The day deviations expire against (`YYYY-MM-DD`, default today in UTC).
    public var today: String?

    /// The default wall-time cap: 30 minutes.
    public static let defaultMaxWallTime: Double = 1800
    /// The default API-call cap.
    public static let defaultMaxAPICalls = 2000

    /// Options with defaults.
    public init() {}

    /// The baseline folder used when none is given, by source: `Recordings/live` or `Recordings/mock-moto-5.2.1`.
    public static func defaultBaseline(for source: CassetteSource) -> String {
        switch source {
        case .mock(let name, let version): "Recordings/mock-\(name)-\(version)"
        default: "Recordings/live"
        }
    }

    /// The venv folder for the model check.
    var venvURL: URL { venv.map { URL(fileURLWithPath: $0) } ?? PinnedTools.venv(environment: environment) }
}

/// Which source a live run's recordings are labelled with.
enum LiveSource {
    /// Whether `url` is an AWS endpoint (`*.amazonaws.com`, `*.amazonaws.com.cn`, `*.api.aws`).
    static func isAWS(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return [".amazonaws.com", ".amazonaws.com.cn", ".api.aws"].contains { host.hasSuffix($0) }
    }

    /// `live` for an AWS endpoint; the `--source` mock for any other. Anything else is refused (bad input), so
    /// a mock's answers are never labelled live and AWS's never labelled a mock.
    static func resolve(explicit: String?, endpoint: String) throws(RunnerError) -> CassetteSource {
        let parsed = explicit.flatMap(CassetteSource.init)
        if isAWS(endpoint) {
            guard explicit == nil || parsed == .live else {
                throw RunnerError(
                    "--source \(explicit!): \(endpoint) is an AWS endpoint, so its recordings are live; drop --source",
                    status: .badInput
                )
            }
            return .live
        }
        guard case .mock? = parsed else {
            let given = explicit.map { "--source \($0) is not a mock source" } ?? "no --source given"
            throw RunnerError(
                "\(endpoint) is not an AWS endpoint and \(given): say what answers there with --source mock:NAME@VERSION (e.g. mock:moto@5.2.1), so its recordings are never labelled live",
                status: .badInput
            )
        }
        return parsed!
    }
}
