import Foundation

/// What `ssm-contract audit` looks for: values that must never be written into a recording or a report.
public enum SecretKind: String, Sendable, CaseIterable {
    case accessKeyID = "an AWS access key id"
    case secretAccessKey = "an AWS secret access key"
    case signature = "a SigV4 signature"
    case sessionToken = "a session token"
    case accountID = "an AWS account id"

    /// Patterns that find the kind in any text; the first capture group (or the whole match) is the value.
    static let patterns: [(SecretKind, NSRegularExpression)] =
        ([
            (
                .accessKeyID,
                #"(?<![A-Z0-9])(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{16}(?![A-Z0-9])"#
            ),
            (.signature, #"(?i)(?:X-Amz-)?Signature=([0-9a-f]{64})(?![0-9a-f])"#),
            (.sessionToken, #"(?i)X-Amz-Security-Token=([^&#\s"<]{16,})"#),
            (
                .sessionToken,
                #"(?<![A-Za-z0-9+/])((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9+/=]{20,})"#
            ),
            (
                .secretAccessKey,
                #"(?i)(?:aws_secret_access_key|secret_?access_?key)["']?\s*[=:]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"#
            ),
            (.accountID, #"arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):"#),
        ] as [(SecretKind, String)]).map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    /// The kind a value is by the name of the field (or header) holding it, when the name says so.
    static func byFieldName(_ name: String, value: String) -> SecretKind? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("<redacted") else { return nil }
        switch key {
        case "xamzsecuritytoken", "sessiontoken", "awssessiontoken", "securitytoken", "awssecuritytoken":
            return trimmed.count >= 16 ? .sessionToken : nil
        case "secretaccesskey", "awssecretaccesskey", "secretkey":
            return trimmed.count >= 16 ? .secretAccessKey : nil
        default:
            let accountLike = key.contains("account") || key.hasSuffix("ownerid") || key == "owner"
            return accountLike && trimmed.count == 12 && trimmed.allSatisfy(\.isASCIIDigitCharacter) ? .accountID : nil
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
