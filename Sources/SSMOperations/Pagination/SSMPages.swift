/// An input that can ask for a page (`NextToken`).
public protocol SSMPaginatedInput: Sendable {
    /// The token of the page to fetch; `nil` for the first.
    var nextToken: String? { get set }
}

/// An output that may point at a further page.
public protocol SSMPaginatedOutput: Sendable {
    /// The token of the next page; absent or empty on the last page.
    var nextToken: String? { get }
}

/// The pages of a paginated operation as an `AsyncSequence`: the first page with the input as given, then one
/// page per `NextToken` until a page has none (or an empty one).
///
/// ```swift
/// for try await page in ssm.listCommandInvocationsPages(ListCommandInvocationsInput(commandId: id)) {
///     for invocation in page.value.commandInvocations ?? [] { … }
/// }
/// ```
public struct SSMPages<Input: SSMPaginatedInput, Output: SSMPaginatedOutput>: AsyncSequence, Sendable {
    /// Each element is one page.
    public typealias Element = SSMResponse<Output>

    let input: Input
    let operation: String
    let fetch: @Sendable (Input) async throws -> SSMResponse<Output>

    /// Creates pages from a first input and the call that fetches one page.
    public init(input: Input, operation: String, fetch: @escaping @Sendable (Input) async throws -> SSMResponse<Output>)
    {
        self.input = input
        self.operation = operation
        self.fetch = fetch
    }

    /// Makes an iterator that starts from the first page.
    public func makeAsyncIterator() -> Iterator { Iterator(pages: self, next: input) }

    /// Fetches pages one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        let pages: SSMPages
        var next: Input?
        var seenTokens: Set<String> = []
        var fetched = 0

        /// The next page, or `nil` after the last.
        public mutating func next() async throws -> SSMResponse<Output>? {
            guard let input = next else { return nil }
            let page = try await pages.fetch(input)
            fetched += 1
            if let token = page.value.nextToken, !token.isEmpty {
                guard seenTokens.insert(token).inserted else {
                    throw SSMPaginationLoopError(operation: pages.operation, token: token, pagesFetched: fetched)
                }
                var following = input
                following.nextToken = token
                next = following
            } else {
                next = nil
            }
            return page
        }
    }
}
