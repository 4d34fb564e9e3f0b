/// The emulator's own delays, in emulated seconds (see ``EmulatorClock``), and the agent's execution-timeout
/// bounds.
public struct EmulatorTiming: Sendable, Hashable {
    /// After SendCommand, GetCommandInvocation answers `InvocationDoesNotExist` and ListCommandInvocations lists
    /// nothing for this long (the eventual-consistency window; boto/boto3#2701: "a sleep of 0.5-1 second" fixes it).
    public var visibilityWindow: Double
    /// How long an invocation stays Pending before the script starts on an online instance.
    public var deliveryDelay: Double
    /// `executionTimeout` values below this are replaced by the default 3,600 s, as the agent does
    /// (`pluginutil.ValidateExecutionTimeout`, minimum 5). Lower it to test timeouts of a second or two.
    /// Execution timeouts are real seconds: the script's run time is real.
    public var minimumExecutionTimeout: Int

    /// The agent's `executionTimeout` default (3,600 s) and maximum (172,800 s).
    public static let defaultExecutionTimeout = 3600, maximumExecutionTimeout = 172_800
    /// SendCommand's `TimeoutSeconds` default: how long an offline instance keeps an invocation Pending.
    public static let defaultDeliveryTimeout = 3600

    /// Creates timing; every parameter has the documented default.
    public init(visibilityWindow: Double = 0.5, deliveryDelay: Double = 0.5, minimumExecutionTimeout: Int = 5) {
        self.visibilityWindow = visibilityWindow
        self.deliveryDelay = deliveryDelay
        self.minimumExecutionTimeout = minimumExecutionTimeout
    }

    /// The execution timeout the agent applies to a requested value (`nil`: the default).
    func executionTimeout(_ requested: Int?) -> Int {
        guard let requested, requested >= minimumExecutionTimeout, requested <= Self.maximumExecutionTimeout else {
            return Self.defaultExecutionTimeout
        }
        return requested
    }
}
