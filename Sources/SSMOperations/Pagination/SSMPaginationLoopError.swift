/// The same `NextToken` came back twice, so following it would loop forever (botocore's paginator stops the
/// same way).
public struct SSMPaginationLoopError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation being paginated.
    public let operation: String
    /// The repeated token.
    public let token: String
    /// How many pages were fetched before the repeat was seen.
    public let pagesFetched: Int

    /// One line for messages and reports.
    public var description: String {
        "\(operation) returned the same NextToken twice after \(pagesFetched) pages; stopping instead of looping"
    }
}
