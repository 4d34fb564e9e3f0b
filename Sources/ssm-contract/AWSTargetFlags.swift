import ArgumentParser

/// The flags that choose the SSM endpoint, region and profile (`record` and `live`); unset ones follow the AWS
/// configuration conventions.
struct AWSTargetFlags: ParsableArguments {
    @Option(name: .customLong("endpoint-url"), help: "The SSM endpoint (default: from the AWS configuration).")
    var endpointURL: String?

    @Option(help: "The region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    var region: String?

    @Option(help: "The profile in ~/.aws/config and ~/.aws/credentials.")
    var profile: String?
}
