import Foundation
import RawJSON

extension RedactionOptions {
    /// Loads rules from a JSON file (format in `Recordings/README.md`):
    ///
    /// ```json
    /// {"format": "ssm-contract.redaction", "version": 1,
    ///  "headers": ["X-Internal-Ticket"], "credentialEnvironment": ["MY_DB_PASSWORD"],
    ///  "rules": [{"regex": "arn:aws:iam::\\d{12}:role/\\S+", "replacement": "<redacted:role>"},
    ///            {"jsonPath": "$.CommandInvocations[*].Comment", "replacement": "<redacted:comment>", "in": "response"}]}
    /// ```
    ///
    /// Secret values never go into the file: `credentialEnvironment` names environment variables whose values
    /// are redacted (a variable that is unset is skipped).
    /// - Throws: ``CassetteError`` naming the file and the field.
    public static func load(
        from url: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CassetteError) -> RedactionOptions {
        let file = url.relativePath  // as the user gave it
        let root: JSONTape.Value
        do {
            root = try JSONTape.parse(try Data(contentsOf: url)).root
        } catch let error as JSONParseError {
            throw CassetteError(
                file: file,
                problem: "is not valid JSON: \(error)",
                remedy: "fix the redaction rules file"
            )
        } catch {
            throw CassetteError(
                file: file,
                problem: "cannot be read",
                remedy: "check the path of the redaction rules file"
            )
        }
        let reader = FieldReader(file: file)
        let object = try reader.object(root, at: nil)
        let format = try reader.string(object, "format", at: nil)
        guard format == "ssm-contract.redaction" else {
            throw CassetteError(
                file: file,
                field: "format",
                problem: "is \"\(format)\", not \"ssm-contract.redaction\"",
                remedy: "point at a redaction rules file"
            )
        }
        guard try reader.int(object, "version", at: nil) == 1 else {
            throw CassetteError(
                file: file,
                field: "version",
                problem: "is not 1",
                remedy: "this build reads redaction rules version 1"
            )
        }
        var options = RedactionOptions(headers: try reader.optionalStrings(object, "headers", at: nil))
        for name in try reader.optionalStrings(object, "credentialEnvironment", at: nil) {
            if let value = environment[name], !value.isEmpty { options.credentialValues.append(value) }
        }
        var rules: [JSONTape.Value] = []
        if let rulesValue = object["rules"] {
            guard let list = rulesValue.arrayValue else {
                throw CassetteError(
                    file: file,
                    field: "rules",
                    problem: "is \(rulesValue.typeName.withArticle), not an array",
                    remedy: "make it an array of rules"
                )
            }
            rules = list
        }
        for (i, element) in rules.enumerated() {
            let path = "rules[\(i)]"
            let rule = try reader.object(element, at: path)
            let scopeText = try reader.optionalString(rule, "in", at: path) ?? "both"
            guard let scope = RedactionRule.Scope(rawValue: scopeText) else {
                throw CassetteError(
                    file: file,
                    field: path + ".in",
                    problem: "\"\(scopeText)\" is not request, response or both",
                    remedy: "fix the rule"
                )
            }
            do {
                if let pattern = try reader.optionalString(rule, "regex", at: path) {
                    options.rules.append(
                        try .regex(pattern, replacement: try reader.string(rule, "replacement", at: path), in: scope)
                    )
                } else if let jsonPath = try reader.optionalString(rule, "jsonPath", at: path) {
                    options.rules.append(
                        try .jsonPath(
                            jsonPath,
                            replacement: try reader.required(rule, "replacement", at: path).json,
                            in: scope
                        )
                    )
                } else {
                    throw CassetteError(
                        file: file,
                        field: path,
                        problem: "has neither \"regex\" nor \"jsonPath\"",
                        remedy: "give the rule one of them"
                    )
                }
            } catch let error as CassetteConfigurationError {
                throw CassetteError(file: file, field: path, problem: error.message, remedy: "fix the rule")
            } catch let error as CassetteError {
                throw error
            } catch {
                throw CassetteError(file: file, field: path, problem: "\(error)", remedy: "fix the rule")
            }
        }
        return options
    }
}
