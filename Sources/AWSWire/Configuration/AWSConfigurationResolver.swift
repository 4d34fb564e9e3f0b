import Foundation

/// Resolves credentials, region and endpoint by the AWS conventions, from an injected environment and the
/// shared config and credentials files.
///
/// | setting | sources, first wins |
/// | --- | --- |
/// | profile | explicit (`--profile`), `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, `default` |
/// | credentials | code; `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`), skipped with an explicit profile; credentials file `[p]`; config file `[profile p]` |
/// | region | explicit (`--region`), `AWS_REGION`, `AWS_DEFAULT_REGION`, `region` in the profile |
/// | endpoint | explicit (`--endpoint-url`); unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`/`ignore_configured_endpoint_urls` is true: `AWS_ENDPOINT_URL_SSM`, `AWS_ENDPOINT_URL`, `[services x]` `ssm = endpoint_url`, profile `endpoint_url`; else `https://ssm.<region>.amazonaws.com` |
///
/// Files: `AWS_SHARED_CREDENTIALS_FILE` (default `$HOME/.aws/credentials`) and `AWS_CONFIG_FILE` (default
/// `$HOME/.aws/config`). Profile values merge both files, the credentials file winning, as in botocore.
/// Every problem found is reported in one ``AWSConfigurationError``.
public enum AWSConfigurationResolver {
    /// Resolves the configuration for `service`.
    ///
    /// - Throws: ``AWSConfigurationError`` listing every problem found and every source read.
    public static func resolve(
        _ inputs: AWSConfigurationInputs,
        service: AWSServiceDescriptor = .ssm
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let files = try SharedFiles(inputs)
        let (profile, profileSource) = selectProfile(inputs)
        var sources = ["profile": profileSource]
        var problems: [AWSConfigurationError] = []
        let view = ProfileView(name: profile, files: files)
        if profile != "default", view.configSection == nil, view.credentialsSection == nil {
            problems.append(
                AWSConfigurationError(
                    "profile \(profile) (from \(profileSource)) not found: read \(files.credentialsPath) (\(files.credentials == nil ? "file missing" : "no [\(profile)]")), \(files.configPath) (\(files.config == nil ? "file missing" : "no [profile \(profile)]")); add the profile or choose another one",
                    kind: .profileNotFound
                )
            )
        }
        var credentials: AWSCredentials?
        do { (credentials, sources["credentials"]) = try resolveCredentials(inputs, view: view) } catch {
            problems.append(error)
        }
        var region: String?
        do { (region, sources["region"]) = try resolveRegion(inputs, view: view) } catch { problems.append(error) }
        var endpoint: AWSEndpoint?
        do {
            (endpoint, sources["endpoint"]) = try resolveEndpoint(inputs, view: view, service: service, region: region)
        } catch { problems.append(error) }
        guard problems.isEmpty, let credentials, let region, let endpoint else {
            throw AWSConfigurationError(combining: problems)
        }
        return AWSConfiguration(
            profile: profile,
            credentials: credentials,
            region: region,
            endpoint: endpoint,
            sources: sources
        )
    }

    static func selectProfile(_ inputs: AWSConfigurationInputs) -> (String, String) {
        if let profile = inputs.profile, !profile.isEmpty { return (profile, "--profile") }
        if let profile = inputs.env("AWS_PROFILE") { return (profile, "env AWS_PROFILE") }
        if let profile = inputs.env("AWS_DEFAULT_PROFILE") { return (profile, "env AWS_DEFAULT_PROFILE") }
        return ("default", "default")
    }

    static func resolveRegion(
        _ inputs: AWSConfigurationInputs,
        view: ProfileView
    ) throws(AWSConfigurationError) -> (String, String) {
        var candidates: [(String, String)] = []
        if let region = inputs.region, !region.isEmpty { candidates.append((region, "--region")) }
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = inputs.env(name) { candidates.append((region, "env \(name)")) }
        }
        if let (region, source) = view.value("region") { candidates.append((region, source)) }
        guard let (region, source) = candidates.first else {
            throw AWSConfigurationError(
                "no region: read env AWS_REGION (unset), env AWS_DEFAULT_REGION (unset), \(view.describe("region")); set AWS_REGION (e.g. us-east-1), or add region = us-east-1 to \(view.configSectionName) in \(view.files.configPath), or pass --region",
                kind: .missingRegion
            )
        }
        let valid =
            region.range(of: "^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$", options: .regularExpression) != nil
        guard valid else {
            throw AWSConfigurationError(
                "invalid region \"\(region)\" from \(source): a region is letters, digits and dashes, e.g. us-east-1; fix it",
                kind: .invalidValue
            )
        }
        return (region, source)
    }
}
