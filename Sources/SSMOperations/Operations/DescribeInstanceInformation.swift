/// The input of DescribeInstanceInformation.
public struct DescribeInstanceInformationInput: Encodable, Sendable, Hashable, SSMPaginatedInput {
    /// The `Filters` member.
    public var filters: [InstanceInformationStringFilter]?
    /// 5 to 50.
    public var maxResults: Int?
    /// The `NextToken` member.
    public var nextToken: String?

    /// Creates an input.
    public init(filters: [InstanceInformationStringFilter]? = nil, maxResults: Int? = nil, nextToken: String? = nil) {
        self.filters = filters
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case filters = "Filters"
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
    }
}

/// The output of DescribeInstanceInformation.
public struct DescribeInstanceInformationOutput: Decodable, Sendable, Hashable, SSMPaginatedOutput {
    /// The `InstanceInformationList` member.
    public var instanceInformationList: [InstanceInformation]?
    /// The `NextToken` member.
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case instanceInformationList = "InstanceInformationList"
        case nextToken = "NextToken"
    }
}

extension SSMClient {
    /// Describes managed nodes (`AmazonSSM.DescribeInstanceInformation`), one page.
    public func describeInstanceInformation(
        _ input: DescribeInstanceInformationInput = DescribeInstanceInformationInput()
    ) async throws -> SSMResponse<DescribeInstanceInformationOutput> {
        try await call("DescribeInstanceInformation", input)
    }

    /// Every page of DescribeInstanceInformation.
    public func describeInstanceInformationPages(
        _ input: DescribeInstanceInformationInput = DescribeInstanceInformationInput()
    ) -> SSMPages<DescribeInstanceInformationInput, DescribeInstanceInformationOutput> {
        SSMPages(input: input, operation: "DescribeInstanceInformation") { try await describeInstanceInformation($0) }
    }
}
