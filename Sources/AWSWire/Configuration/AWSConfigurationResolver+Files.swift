import Foundation

extension AWSConfigurationResolver {
    /// The shared credentials and config files, loaded when they exist.
    struct SharedFiles {
        let credentialsPath: String
        let configPath: String
        /// `nil` when the file does not exist.
        let credentials: AWSINIFile?
        let config: AWSINIFile?

        init(_ inputs: AWSConfigurationInputs) throws(AWSConfigurationError) {
            let home = inputs.env("HOME")
            credentialsPath = Self.expand(inputs.env("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials", home: home)
            configPath = Self.expand(inputs.env("AWS_CONFIG_FILE") ?? "~/.aws/config", home: home)
            credentials = try Self.load(credentialsPath)
            config = try Self.load(configPath)
        }

        static func expand(_ path: String, home: String?) -> String {
            guard path == "~" || path.hasPrefix("~/"), let home else { return path }
            return home + path.dropFirst()
        }

        static func load(_ path: String) throws(AWSConfigurationError) -> AWSINIFile? {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            let data: Data
            do {
                guard !isDirectory.boolValue else { throw CocoaError(.fileReadUnknown) }
                // FileHandle, not `FileManager.contents`, so /dev/null (a common "no file") reads as empty.
                let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                data = try handle.readToEnd() ?? Data()
            } catch {
                throw AWSConfigurationError(
                    "cannot read \(path)\(isDirectory.boolValue ? " (it is a folder)" : ""); check its permissions or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere",
                    kind: .malformedFile
                )
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw AWSConfigurationError(
                    "malformed file \(path): it is not UTF-8 text; save it as UTF-8",
                    kind: .malformedFile
                )
            }
            return try AWSINIFile(text: text, path: path)
        }
    }

    /// One profile as seen through both files.
    struct ProfileView {
        let name: String
        let files: SharedFiles

        /// `[default]` or `[profile NAME]`, the config file's spelling.
        var configSectionName: String { name == "default" ? "[default]" : "[profile \(name)]" }

        var configSection: AWSINIFile.Section? {
            guard let config = files.config else { return nil }
            if name == "default" { return config[section: "default"] ?? config[section: "profile default"] }
            return config[section: "profile \(name)"]
        }

        var credentialsSection: AWSINIFile.Section? { files.credentials?[section: name] }

        /// A profile value and where it came from: the credentials file wins over the config file (botocore
        /// merges the two that way).
        func value(_ key: String) -> (String, String)? {
            if let value = credentialsSection?.values[key], !value.isEmpty {
                return (value, "\(files.credentialsPath) [\(name)]")
            }
            if let value = configSection?.values[key], !value.isEmpty {
                return (value, "\(files.configPath) \(configSectionName)")
            }
            return nil
        }

        /// What the files said about `key`, for error messages: `PATH [p] (file missing)`, `(no such profile)`,
        /// `(no KEY)`, for the config file and, when it has the profile, the credentials file.
        func describe(_ key: String) -> String {
            var parts: [String] = []
            if files.credentials != nil, credentialsSection != nil {
                parts.append("\(files.credentialsPath) [\(name)] (no \(key))")
            }
            parts.append(
                "\(files.configPath) \(configSectionName) (\(status(of: configSection, file: files.config, missing: "no \(key)")))"
            )
            return parts.joined(separator: ", ")
        }

        func status(of section: AWSINIFile.Section?, file: AWSINIFile?, missing: String) -> String {
            if file == nil { return "file missing" }
            if section == nil { return "no such profile" }
            return missing
        }
    }
}
