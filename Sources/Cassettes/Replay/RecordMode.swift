import Foundation

/// What a ``CassetteTransport`` does with the network and the cassette.
public enum RecordMode: String, Sendable, CaseIterable {
    /// Answer from the cassette only; never touch the network (the upstream may be `nil`). The default.
    case replay
    /// Send everything upstream and record it, replacing the cassette.
    case record
    /// Answer what the cassette has; send the rest upstream and record it, keeping the existing interactions.
    case recordMissing = "record-missing"
    /// Send everything upstream; record nothing.
    case live

    /// The environment variable that selects the mode: `SSM_CONTRACT_RECORD_MODE`.
    public static let environmentVariable = "SSM_CONTRACT_RECORD_MODE"

    /// The mode named by `SSM_CONTRACT_RECORD_MODE` in `env`, or `default` when it is unset or empty.
    /// - Throws: ``CassetteConfigurationError`` listing the valid values when the variable names no mode.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment,
        default: RecordMode = .replay
    ) throws -> RecordMode {
        guard let raw = env[environmentVariable]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return `default`
        }
        guard let mode = RecordMode(rawValue: raw.lowercased()) else {
            throw CassetteConfigurationError(
                "\(environmentVariable)=\"\(raw)\" is not a record mode; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return mode
    }

    /// Whether the mode may send requests upstream.
    public var usesNetwork: Bool { self != .replay }

    /// Whether the mode writes the cassette.
    public var writesCassette: Bool { self == .record || self == .recordMissing }
}

/// What replay does when a request's recorded answers are used up (a waiter polling more often than when
/// it was recorded).
public enum ExhaustionPolicy: String, Sendable, CaseIterable {
    /// Answer with the last recorded answer again, so a poller still reaches the final state. The default.
    case repeatLast = "repeat-last"
    /// Throw a ``CassetteMissError`` saying how many answers were recorded.
    case fail
}
