/// A string-valued SSM enum kept open: any value decodes (AWS sends values outside the model, e.g. `SUCCESS`),
/// the modelled ones are static constants, and ``isModelled`` tells them apart.
public protocol SSMStringEnum: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    /// The values the service model lists.
    static var modelledValues: [Self] { get }
    /// Wraps any string.
    init(rawValue: String)
}

extension SSMStringEnum {
    /// Wraps a string literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    /// Decodes any string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    /// Encodes the raw string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    /// The raw string.
    public var description: String { rawValue }
    /// Whether the value is one the model lists (exact spelling).
    public var isModelled: Bool { Self.modelledValues.contains(self) }
}

/// `Status` of a command invocation (GetCommandInvocation, ListCommandInvocations).
public struct CommandInvocationStatus: SSMStringEnum {
    /// The status as sent.
    public let rawValue: String
    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Pending`.
    public static let pending: Self = "Pending"
    /// `InProgress`.
    public static let inProgress: Self = "InProgress"
    /// `Delayed`.
    public static let delayed: Self = "Delayed"
    /// `Success`.
    public static let success: Self = "Success"
    /// `Cancelled`.
    public static let cancelled: Self = "Cancelled"
    /// `TimedOut`.
    public static let timedOut: Self = "TimedOut"
    /// `Failed`.
    public static let failed: Self = "Failed"
    /// `Cancelling`.
    public static let cancelling: Self = "Cancelling"
    /// Every modelled value.
    public static let modelledValues: [Self] = [
        .pending, .inProgress, .delayed, .success, .cancelled, .timedOut, .failed, .cancelling,
    ]
}

/// `Status` of a command (SendCommand, ListCommands).
public struct CommandStatus: SSMStringEnum {
    /// The status as sent.
    public let rawValue: String
    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Pending`.
    public static let pending: Self = "Pending"
    /// `InProgress`.
    public static let inProgress: Self = "InProgress"
    /// `Success`.
    public static let success: Self = "Success"
    /// `Cancelled`.
    public static let cancelled: Self = "Cancelled"
    /// `Failed`.
    public static let failed: Self = "Failed"
    /// `TimedOut`.
    public static let timedOut: Self = "TimedOut"
    /// `Cancelling`.
    public static let cancelling: Self = "Cancelling"
    /// Every modelled value.
    public static let modelledValues: [Self] = [
        .pending, .inProgress, .success, .cancelled, .failed, .timedOut, .cancelling,
    ]
}

/// `Status` of one plugin inside an invocation (ListCommandInvocations with `Details`).
public struct CommandPluginStatus: SSMStringEnum {
    /// The status as sent.
    public let rawValue: String
    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Pending`.
    public static let pending: Self = "Pending"
    /// `InProgress`.
    public static let inProgress: Self = "InProgress"
    /// `Success`.
    public static let success: Self = "Success"
    /// `TimedOut`.
    public static let timedOut: Self = "TimedOut"
    /// `Cancelled`.
    public static let cancelled: Self = "Cancelled"
    /// `Failed`.
    public static let failed: Self = "Failed"
    /// Every modelled value.
    public static let modelledValues: [Self] = [.pending, .inProgress, .success, .timedOut, .cancelled, .failed]
}

/// `PingStatus` of a managed node (DescribeInstanceInformation).
public struct PingStatus: SSMStringEnum {
    /// The status as sent.
    public let rawValue: String
    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Online`.
    public static let online: Self = "Online"
    /// `ConnectionLost`.
    public static let connectionLost: Self = "ConnectionLost"
    /// `Inactive`.
    public static let inactive: Self = "Inactive"
    /// Every modelled value.
    public static let modelledValues: [Self] = [.online, .connectionLost, .inactive]
}

/// `PlatformType` of a managed node.
public struct PlatformType: SSMStringEnum {
    /// The platform as sent.
    public let rawValue: String
    /// Wraps any string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Windows`.
    public static let windows: Self = "Windows"
    /// `Linux`.
    public static let linux: Self = "Linux"
    /// `MacOS`.
    public static let macOS: Self = "MacOS"
    /// Every modelled value.
    public static let modelledValues: [Self] = [.windows, .linux, .macOS]
}
