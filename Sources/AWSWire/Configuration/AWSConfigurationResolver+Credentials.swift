extension AWSConfigurationResolver {
    static func resolveCredentials(
        _ inputs: AWSConfigurationInputs,
        view: ProfileView
    ) throws(AWSConfigurationError) -> (AWSCredentials, String) {
        if let credentials = inputs.credentials { return (credentials, "code") }
        var read: [String] = []
        if inputs.profile == nil {
            let key = inputs.env("AWS_ACCESS_KEY_ID")
            let secret = inputs.env("AWS_SECRET_ACCESS_KEY")
            switch (key, secret) {
            case (let key?, let secret?):
                let token = inputs.env("AWS_SESSION_TOKEN") ?? inputs.env("AWS_SECURITY_TOKEN")
                return (
                    AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
                    "env AWS_ACCESS_KEY_ID"
                )
            case (.some, nil):
                throw partial("env", set: "AWS_ACCESS_KEY_ID", unset: "AWS_SECRET_ACCESS_KEY")
            case (nil, .some):
                throw partial("env", set: "AWS_SECRET_ACCESS_KEY", unset: "AWS_ACCESS_KEY_ID")
            case (nil, nil):
                read.append("env AWS_ACCESS_KEY_ID (unset)")
            }
        } else {
            read.append("env AWS_ACCESS_KEY_ID (skipped: --profile given)")
        }
        let files = view.files
        let locations: [(AWSINIFile.Section?, AWSINIFile?, String)] = [
            (view.credentialsSection, files.credentials, "\(files.credentialsPath) [\(view.name)]"),
            (view.configSection, files.config, "\(files.configPath) \(view.configSectionName)"),
        ]
        for (section, file, label) in locations {
            if let found = try fileCredentials(section, label: label) { return (found, label) }
            read.append("\(label) (\(view.status(of: section, file: file, missing: "no keys")))")
        }
        throw AWSConfigurationError(
            "no credentials: read \(read.joined(separator: ", ")); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and aws_secret_access_key to [\(view.name)] in \(files.credentialsPath) (IMDS, SSO, credential_process, assume-role and web identity are not supported)",
            kind: .missingCredentials
        )
    }

    private static func fileCredentials(
        _ section: AWSINIFile.Section?,
        label: String
    ) throws(AWSConfigurationError) -> AWSCredentials? {
        guard let values = section?.values else { return nil }
        let key = values["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = values["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, secret) {
        case (let key?, let secret?):
            let token = values["aws_session_token"] ?? values["aws_security_token"]
            return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
        case (.some, nil): throw partial(label, set: "aws_access_key_id", unset: "aws_secret_access_key")
        case (nil, .some): throw partial(label, set: "aws_secret_access_key", unset: "aws_access_key_id")
        case (nil, nil): return nil
        }
    }

    private static func partial(_ source: String, set: String, unset: String) -> AWSConfigurationError {
        AWSConfigurationError(
            "partial credentials in \(source): \(set) is set but \(unset) is not; set both, or remove \(set)",
            kind: .partialCredentials
        )
    }
}
