import Foundation
import Testing

@testable import AWSWire

@Suite struct CredentialsResolutionTests {
    let files = """
        [default]
        aws_access_key_id = AKIDFILE
        aws_secret_access_key = filesecret
        aws_session_token = filetoken

        [dev]
        aws_access_key_id=AKIDDEV
        aws_secret_access_key=devsecret
        """

    @Test func environmentWinsOverFiles() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve(envKeys.merging(["AWS_SESSION_TOKEN": "envtoken"]) { a, _ in a })
        #expect(
            config.credentials
                == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "envsecret", sessionToken: "envtoken")
        )
        #expect(config.sources["credentials"] == "env AWS_ACCESS_KEY_ID")
    }

    @Test func legacySecurityTokenVariableIsAccepted() throws {
        let fixture = try ConfigurationFixture()
        let config = try fixture.resolve(envKeys.merging(["AWS_SECURITY_TOKEN": "legacy"]) { a, _ in a })
        #expect(config.credentials.sessionToken == "legacy")
    }

    @Test func credentialsFileDefaultProfile() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve(["AWS_REGION": "us-east-1"])
        #expect(
            config.credentials
                == AWSCredentials(accessKeyID: "AKIDFILE", secretAccessKey: "filesecret", sessionToken: "filetoken")
        )
        #expect(config.sources["credentials"] == "\(fixture.credentialsPath) [default]")
    }

    @Test func awsProfileSelectsCredentialsSectionWithoutPrefix() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve(["AWS_PROFILE": "dev", "AWS_REGION": "us-east-1"])
        #expect(config.profile == "dev")
        #expect(config.credentials.accessKeyID == "AKIDDEV")
        #expect(config.credentials.sessionToken == nil)
    }

    @Test func awsProfileDoesNotDisableEnvironmentCredentials() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve(envKeys.merging(["AWS_PROFILE": "dev"]) { a, _ in a })
        #expect(config.credentials.accessKeyID == "AKIDENV")
    }

    @Test func explicitProfileSkipsEnvironmentCredentials() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve(envKeys, profile: "dev")
        #expect(config.credentials.accessKeyID == "AKIDDEV")
        #expect(config.sources["profile"] == "--profile")
    }

    @Test func configFileProfileSectionIsTheLastSource() throws {
        let fixture = try ConfigurationFixture(
            config: """
                [profile ops]
                region = ap-southeast-2
                aws_access_key_id = AKIDCONFIG
                aws_secret_access_key = configsecret
                """,
            credentials: files
        )
        let config = try fixture.resolve(["AWS_PROFILE": "ops"])
        #expect(config.credentials.accessKeyID == "AKIDCONFIG")
        #expect(config.sources["credentials"] == "\(fixture.configPath) [profile ops]")
        #expect(config.region == "ap-southeast-2")
    }

    @Test func credentialsFileWinsOverConfigFileForTheSameProfile() throws {
        let fixture = try ConfigurationFixture(
            config: "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\nregion = us-west-2\n",
            credentials: files
        )
        #expect(try fixture.resolve().credentials.accessKeyID == "AKIDFILE")
    }

    @Test func customFilePathsFromEnvironment() throws {
        let fixture = try ConfigurationFixture()
        let other = fixture.home.appendingPathComponent("elsewhere-credentials")
        try Data("[default]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = x\n".utf8).write(to: other)
        let config = try fixture.resolve(["AWS_SHARED_CREDENTIALS_FILE": other.path, "AWS_REGION": "us-east-1"])
        #expect(config.credentials.accessKeyID == "AKIDOTHER")
    }

    @Test func tildeInFilePathsExpandsToInjectedHome() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let config = try fixture.resolve([
            "AWS_SHARED_CREDENTIALS_FILE": "~/.aws/credentials", "AWS_REGION": "us-east-1",
        ])
        #expect(config.credentials.accessKeyID == "AKIDFILE")
    }

    @Test(arguments: [
        (["AWS_ACCESS_KEY_ID": "AKID"], "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
        (["AWS_SECRET_ACCESS_KEY": "s"], "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
    ])
    func partialEnvironmentCredentialsAreAnError(env: [String: String], expected: String) throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let error = try #require(fixture.failure(env.merging(["AWS_REGION": "us-east-1"]) { a, _ in a }))
        #expect(error.kind == .partialCredentials)
        #expect(error.message.contains(expected))
    }

    @Test func partialFileCredentialsAreAnError() throws {
        let fixture = try ConfigurationFixture(credentials: "[default]\naws_access_key_id = AKID\n")
        let error = try #require(fixture.failure(["AWS_REGION": "us-east-1"]))
        #expect(error.kind == .partialCredentials)
        #expect(error.message.contains("\(fixture.credentialsPath) [default]"))
    }

    @Test func missingCredentialsNameEverySourceRead() throws {
        let fixture = try ConfigurationFixture(config: "[default]\nregion = us-east-1\n")
        let error = try #require(fixture.failure())
        #expect(error.kind == .missingCredentials)
        #expect(
            error.message
                == "no credentials: read env AWS_ACCESS_KEY_ID (unset), \(fixture.credentialsPath) [default] (file missing), \(fixture.configPath) [default] (no keys); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and aws_secret_access_key to [default] in \(fixture.credentialsPath) (IMDS, SSO, credential_process, assume-role and web identity are not supported)"
        )
    }

    @Test func credentialsAndRegionMissingGiveOneErrorListingBoth() throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(fixture.failure())
        #expect(error.kind == .several)
        #expect(error.kinds == [.missingCredentials, .missingRegion])
        #expect(error.message.contains("no credentials: read env AWS_ACCESS_KEY_ID (unset)"))
        #expect(
            error.message.contains(
                " | no region: read env AWS_REGION (unset), env AWS_DEFAULT_REGION (unset), \(fixture.configPath) [default] (file missing)"
            )
        )
        #expect(!error.message.contains("\n"))
    }

    @Test func unknownProfileIsAnError() throws {
        let fixture = try ConfigurationFixture(credentials: files)
        let error = try #require(fixture.failure(["AWS_PROFILE": "nosuch", "AWS_REGION": "us-east-1"]))
        #expect(error.kinds.contains(.profileNotFound))
        #expect(error.message.contains("profile nosuch (from env AWS_PROFILE) not found"))
    }

    @Test func descriptionNeverShowsSecrets() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "topsecret", sessionToken: "tok")
        #expect(!"\(credentials)".contains("topsecret"))
        #expect(!"\(credentials)".contains("tok)"))
    }
}
