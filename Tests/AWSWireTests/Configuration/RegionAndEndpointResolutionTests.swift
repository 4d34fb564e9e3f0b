import Foundation
import Testing

@testable import AWSWire

@Suite struct RegionResolutionTests {
    let keys = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s"]

    @Test func precedenceExplicitThenAWSRegionThenDefaultRegionThenProfile() throws {
        let fixture = try ConfigurationFixture(config: "[default]\nregion = ca-central-1\n")
        var env = keys
        #expect(try fixture.resolve(env).region == "ca-central-1")
        env["AWS_DEFAULT_REGION"] = "eu-north-1"
        #expect(try fixture.resolve(env).region == "eu-north-1")
        env["AWS_REGION"] = "eu-west-3"
        #expect(try fixture.resolve(env).region == "eu-west-3")
        #expect(try fixture.resolve(env, region: "sa-east-1").region == "sa-east-1")
        #expect(try fixture.resolve(env, region: "sa-east-1").sources["region"] == "--region")
    }

    @Test func regionFromNamedProfile() throws {
        let fixture = try ConfigurationFixture(
            config: "[default]\nregion = us-east-1\n[profile eu]\nregion = eu-central-1\n"
        )
        let config = try fixture.resolve(keys.merging(["AWS_PROFILE": "eu"]) { a, _ in a })
        #expect(config.region == "eu-central-1")
        #expect(config.sources["region"] == "\(fixture.configPath) [profile eu]")
    }

    @Test func configSectionWithoutProfilePrefixIsNotAProfile() throws {
        let fixture = try ConfigurationFixture(config: "[eu]\nregion = eu-central-1\n")
        let error = try #require(fixture.failure(keys.merging(["AWS_PROFILE": "eu"]) { a, _ in a }))
        #expect(error.kinds.contains(.profileNotFound))
        #expect(error.kinds.contains(.missingRegion))
    }

    @Test func invalidRegionIsNamedWithItsSource() throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(fixture.failure(keys.merging(["AWS_REGION": "us east 1"]) { a, _ in a }))
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains("\"us east 1\" from env AWS_REGION"))
    }

    @Test func missingRegionSaysWhatToSet() throws {
        let fixture = try ConfigurationFixture(config: "[default]\noutput = json\n")
        let error = try #require(fixture.failure(keys))
        #expect(error.kind == .missingRegion)
        #expect(error.message.contains("\(fixture.configPath) [default] (no region)"))
        #expect(error.message.contains("set AWS_REGION"))
    }
}

@Suite struct EndpointResolutionTests {
    let config = """
        [default]
        region = us-east-1
        endpoint_url = http://profile.test:1111
        services = local

        [services local]
        ssm =
          endpoint_url = http://services.test:2222
        s3 =
          endpoint_url = http://s3.test:3333

        [profile plain]
        region = us-east-1
        endpoint_url = http://plain.test:4444
        """

    @Test func defaultIsTheRegionalAWSEndpoint() throws {
        let fixture = try ConfigurationFixture()
        let endpoint = try fixture.resolve(envKeys).endpoint
        #expect(endpoint.requestURL == "https://ssm.eu-west-1.amazonaws.com/")
        #expect(endpoint.hostHeader == "ssm.eu-west-1.amazonaws.com")
    }

    @Test func precedenceOfEveryEndpointSource() throws {
        let fixture = try ConfigurationFixture(config: config)
        var env = envKeys
        #expect(try fixture.resolve(env).endpoint.url == "http://services.test:2222")
        #expect(
            try fixture.resolve(env.merging(["AWS_PROFILE": "plain"]) { a, _ in a }).endpoint.url
                == "http://plain.test:4444"
        )
        env["AWS_ENDPOINT_URL"] = "http://global.test:5555"
        #expect(try fixture.resolve(env).endpoint.url == "http://global.test:5555")
        env["AWS_ENDPOINT_URL_SSM"] = "http://ssm-env.test:6666"
        #expect(try fixture.resolve(env).endpoint.url == "http://ssm-env.test:6666")
        let explicit = try fixture.resolve(env, endpointURL: "http://127.0.0.1:7777")
        #expect(explicit.endpoint.url == "http://127.0.0.1:7777")
        #expect(explicit.sources["endpoint"] == "--endpoint-url")
    }

    @Test func ignoreConfiguredEndpointsKeepsOnlyTheExplicitOne() throws {
        let fixture = try ConfigurationFixture(config: config)
        let env = envKeys.merging([
            "AWS_ENDPOINT_URL_SSM": "http://ssm-env.test:6666", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE",
        ]) { a, _ in a }
        #expect(try fixture.resolve(env).endpoint.url == "https://ssm.eu-west-1.amazonaws.com")
        #expect(try fixture.resolve(env, endpointURL: "http://127.0.0.1:1").endpoint.url == "http://127.0.0.1:1")
    }

    @Test func ignoreConfiguredEndpointsFromTheProfile() throws {
        let fixture = try ConfigurationFixture(
            config: "[default]\nendpoint_url = http://x.test\nignore_configured_endpoint_urls = true\n"
        )
        #expect(try fixture.resolve(envKeys).endpoint.url == "https://ssm.eu-west-1.amazonaws.com")
    }

    @Test func invalidIgnoreFlagIsAnError() throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(
            fixture.failure(envKeys.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "yes"]) { a, _ in a })
        )
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
    }

    @Test func servicesSectionThatDoesNotExistIsAnError() throws {
        let fixture = try ConfigurationFixture(config: "[default]\nservices = nowhere\n")
        let error = try #require(fixture.failure(envKeys))
        #expect(error.message.contains("no [services nowhere] section"))
    }

    @Test(arguments: ["ftp://host", "localhost:4566", "http://", "http://host:99999", "http://host/?x=1"])
    func invalidEndpointURLsAreNamed(url: String) throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(fixture.failure(envKeys.merging(["AWS_ENDPOINT_URL": url]) { a, _ in a }))
        #expect(error.kind == .invalidValue)
        #expect(error.message.contains("from env AWS_ENDPOINT_URL"))
    }

    @Test(arguments: [
        ("http://127.0.0.1:5000", "127.0.0.1:5000", "http://127.0.0.1:5000/"),
        ("http://127.0.0.1:80", "127.0.0.1", "http://127.0.0.1:80/"),
        ("https://h.test:443/base", "h.test", "https://h.test:443/base"),
        ("https://H.Test:8443", "h.test:8443", "https://H.Test:8443/"),
        ("http://[::1]:4566/", "[::1]:4566", "http://[::1]:4566/"),
    ])
    func hostHeaderMatchesCurl(url: String, host: String, requestURL: String) throws {
        let endpoint = try AWSEndpoint(url)
        #expect(endpoint.hostHeader == host)
        #expect(endpoint.requestURL == requestURL)
    }
}

@Suite struct MalformedFileTests {
    @Test(arguments: [
        ("aws_access_key_id = x\n", "line 1: `aws_access_key_id` appears before any [section] header"),
        (
            "[default]\nthis line is garbage\n",
            "line 2: `this line is garbage` is not a [section], key = value, or comment line"
        ),
        ("[default\nregion = x\n", "line 1: `[default` is not a valid [section] header"),
        ("[default]\nregion = a\n[default]\n", "line 3: section [default] appears twice"),
        ("[default]\nregion = a\nregion = b\n", "line 3: key region appears twice in [default]"),
    ])
    func malformedConfigNamesFileAndLine(text: String, expected: String) throws {
        let fixture = try ConfigurationFixture(config: text)
        let error = try #require(fixture.failure(envKeys))
        #expect(error.kind == .malformedFile)
        #expect(error.message.contains("malformed file \(fixture.configPath) \(expected)"))
    }

    @Test func malformedCredentialsFileIsReportedEvenWhenEnvironmentHasKeys() throws {
        let fixture = try ConfigurationFixture(credentials: "[default]\n=novalue\n")
        let error = try #require(fixture.failure(envKeys))
        #expect(error.message.contains("malformed file \(fixture.credentialsPath) line 2"))
    }

    @Test func devNullAsBothFilesMeansNoFiles() throws {
        let fixture = try ConfigurationFixture()
        let config = try fixture.resolve(
            envKeys.merging(["AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]) { a, _ in a }
        )
        #expect(config.credentials.accessKeyID == "AKIDENV")
    }

    @Test func folderInsteadOfFileIsAnError() throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(fixture.failure(envKeys.merging(["AWS_CONFIG_FILE": fixture.home.path]) { a, _ in a }))
        #expect(error.message.contains("cannot read \(fixture.home.path) (it is a folder)"))
    }

    @Test func nonUTF8FileIsMalformed() throws {
        let fixture = try ConfigurationFixture()
        try Data([0x5B, 0xFF, 0xFE, 0x5D]).write(to: URL(fileURLWithPath: fixture.configPath))
        let error = try #require(fixture.failure(envKeys))
        #expect(error.message.contains("is not UTF-8"))
    }

    @Test func commentsBlankLinesColonsAndCRLFAreAccepted() throws {
        let fixture = try ConfigurationFixture(
            config: "# comment\r\n; other\r\n\r\n[default]\r\nregion: eu-south-1\r\n  \r\n",
            credentials: "[default]\naws_access_key_id = AKID # not a comment\naws_secret_access_key=s\n"
        )
        let config = try fixture.resolve()
        #expect(config.region == "eu-south-1")
        #expect(config.credentials.accessKeyID == "AKID # not a comment")
    }
}
