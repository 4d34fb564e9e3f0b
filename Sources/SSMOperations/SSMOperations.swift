/// Typed SSM operations (SendCommand, GetCommandInvocation, ListCommandInvocations, ...) on ``AWSWire``.
public enum SSMOperationNames {
    /// The operations this package models, by wire name.
    public static let all = [
        "SendCommand", "GetCommandInvocation", "ListCommandInvocations", "ListCommands", "CancelCommand",
        "DescribeInstanceInformation",
    ]
}
