import Foundation

@testable import AWSWire

/// A temporary HOME with optional `~/.aws/config` and `~/.aws/credentials`, removed on `deinit`.
final class ConfigurationFixture {
    let home: URL
    var configPath: String { home.appendingPathComponent(".aws/config").path }
    var credentialsPath: String { home.appendingPathComponent(".aws/credentials").path }

    init(config: String? = nil, credentials: String? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("aws-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".aws"),
            withIntermediateDirectories: true
        )
        if let config { try Data(config.utf8).write(to: URL(fileURLWithPath: configPath)) }
        if let credentials { try Data(credentials.utf8).write(to: URL(fileURLWithPath: credentialsPath)) }
    }

    deinit { try? FileManager.default.removeItem(at: home) }

    /// The environment: `HOME` pointing at the fixture, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        extra.merging(["HOME": home.path]) { mine, _ in mine }
    }

    func resolve(
        _ extra: [String: String] = [:],
        profile: String? = nil,
        region: String? = nil,
        endpointURL: String? = nil
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        try AWSConfigurationResolver.resolve(
            AWSConfigurationInputs(
                environment: environment(extra),
                profile: profile,
                region: region,
                endpointURL: endpointURL
            )
        )
    }

    /// The error resolving throws (fails the test if it resolves).
    func failure(
        _ extra: [String: String] = [:],
        profile: String? = nil,
        region: String? = nil,
        endpointURL: String? = nil
    ) -> AWSConfigurationError? {
        do {
            _ = try resolve(extra, profile: profile, region: region, endpointURL: endpointURL)
            return nil
        } catch {
            return error
        }
    }
}

/// Full environment credentials and region, for tests about other settings.
let envKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_REGION": "eu-west-1"]
