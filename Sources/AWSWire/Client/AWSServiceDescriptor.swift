import Foundation

/// The names one AWS service uses on the wire and in configuration.
public struct AWSServiceDescriptor: Sendable, Hashable {
    /// The SigV4 signing name, e.g. `ssm`.
    public let signingName: String
    /// The host prefix of its public endpoints, e.g. `ssm`.
    public let endpointPrefix: String
    /// The service id in configuration: `AWS_ENDPOINT_URL_<ID>` and the key inside a `[services x]` section,
    /// e.g. `SSM` (environment spelling) and `ssm` (file spelling).
    public let serviceID: String
    /// The awsJson `X-Amz-Target` prefix, e.g. `AmazonSSM`.
    public let targetPrefix: String

    /// Creates a descriptor.
    public init(signingName: String, endpointPrefix: String, serviceID: String, targetPrefix: String) {
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.serviceID = serviceID
        self.targetPrefix = targetPrefix
    }

    /// AWS Systems Manager (`AmazonSSM`, awsJson1_1, signing name `ssm`).
    public static let ssm = AWSServiceDescriptor(
        signingName: "ssm",
        endpointPrefix: "ssm",
        serviceID: "SSM",
        targetPrefix: "AmazonSSM"
    )

    /// The environment variable naming this service's endpoint, e.g. `AWS_ENDPOINT_URL_SSM`.
    public var endpointEnvironmentVariable: String {
        "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The key of this service inside a `[services x]` section, e.g. `ssm`.
    public var servicesSectionKey: String { serviceID.lowercased().replacingOccurrences(of: " ", with: "_") }
}
