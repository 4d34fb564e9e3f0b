extension AWSConfigurationResolver {
    static func resolveEndpoint(
        _ inputs: AWSConfigurationInputs,
        view: ProfileView,
        service: AWSServiceDescriptor,
        region: String?
    ) throws(AWSConfigurationError) -> (AWSEndpoint?, String) {
        if let url = inputs.endpointURL, !url.isEmpty {
            return (try AWSEndpoint(url, source: "--endpoint-url"), "--endpoint-url")
        }
        if try !ignoresConfiguredEndpoints(inputs, view: view) {
            for name in [service.endpointEnvironmentVariable, "AWS_ENDPOINT_URL"] {
                if let url = inputs.env(name) { return (try AWSEndpoint(url, source: "env \(name)"), "env \(name)") }
            }
            if let (url, source) = try servicesSectionEndpoint(view: view, service: service) {
                return (try AWSEndpoint(url, source: source), source)
            }
            if let (url, source) = view.value("endpoint_url") {
                return (try AWSEndpoint(url, source: source), source)
            }
        }
        guard let region else { return (nil, "default") }
        return (try AWSEndpoint.aws(service: service.endpointPrefix, region: region), "default")
    }

    static func ignoresConfiguredEndpoints(
        _ inputs: AWSConfigurationInputs,
        view: ProfileView
    ) throws(AWSConfigurationError) -> Bool {
        let source: String
        let raw: String
        if let value = inputs.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") {
            (source, raw) = ("env AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", value)
        } else if let (value, where_) = view.value("ignore_configured_endpoint_urls") {
            (source, raw) = ("ignore_configured_endpoint_urls in \(where_)", value)
        } else {
            return false
        }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw AWSConfigurationError(
                "invalid value \"\(raw)\" for \(source): it must be true or false; fix it",
                kind: .invalidValue
            )
        }
    }

    /// The endpoint in the `[services NAME]` section named by the profile's `services = NAME`.
    static func servicesSectionEndpoint(
        view: ProfileView,
        service: AWSServiceDescriptor
    ) throws(AWSConfigurationError) -> (String, String)? {
        guard let (name, where_) = view.value("services") else { return nil }
        guard let section = view.files.config?[section: "services \(name)"] else {
            throw AWSConfigurationError(
                "\(where_) says services = \(name), but \(view.files.configPath) has no [services \(name)] section; add it or remove the services line",
                kind: .invalidValue
            )
        }
        guard let url = section.nested(service.servicesSectionKey)["endpoint_url"], !url.isEmpty else { return nil }
        return (url, "\(view.files.configPath) [services \(name)] \(service.servicesSectionKey).endpoint_url")
    }
}
