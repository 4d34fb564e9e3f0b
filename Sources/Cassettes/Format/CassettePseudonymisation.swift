import RawJSON

/// A kind of identifier that can be replaced by a format-preserving pseudonym.
public enum PseudonymKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A 12-digit AWS account id, standing alone or inside an ARN.
    case accountID = "account-id"
    /// An EC2 instance id (`i-` + 8 or 17 hex digits) or a managed-node id (`mi-` + 17 hex digits).
    case instanceID = "instance-id"
    /// A command id, or any other id in UUID form (`8-4-4-4-12` hex digits, 36 characters).
    case commandID = "command-id"
    /// A dotted-quad IPv4 address.
    case ipv4

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The header record saying that a cassette's identifiers are pseudonyms, not the values AWS sent.
///
/// Replay uses it to pseudonymise incoming requests the same way, so that requests carrying real identifiers
/// still match the recording.
public struct CassettePseudonymisation: Sendable, Hashable {
    /// The kinds of identifier that were replaced.
    public var kinds: [PseudonymKind]
    /// The per-cassette salt (base64) that makes pseudonyms deterministic within this cassette.
    public var salt: String
    /// Whether a secret key (never stored) was mixed in; replaying real identifiers then needs the same key.
    public var keyed: Bool

    public init(kinds: [PseudonymKind], salt: String, keyed: Bool) {
        self.kinds = kinds.sorted()
        self.salt = salt
        self.keyed = keyed
    }

    /// The header member's value.
    public var jsonValue: JSONValue {
        .object(
            JSONObject([
                "kinds": .array(kinds.map { .string($0.rawValue) }),
                "salt": .string(salt),
                "keyed": .bool(keyed),
            ])
        )
    }
}

extension FieldReader {
    func pseudonymisation(_ root: JSONTape.Value) throws(CassetteError) -> CassettePseudonymisation? {
        guard let value = root["pseudonymisation"] else { return nil }
        let object = try self.object(value, at: "pseudonymisation")
        var kinds: [PseudonymKind] = []
        for (i, name) in try optionalStrings(object, "kinds", at: "pseudonymisation").enumerated() {
            guard let kind = PseudonymKind(rawValue: name) else {
                throw CassetteError(
                    file: file,
                    field: "pseudonymisation.kinds[\(i)]",
                    problem: "\"\(name)\" is not a pseudonym kind",
                    remedy: "use \(PseudonymKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            kinds.append(kind)
        }
        let keyedValue = try required(object, "keyed", at: "pseudonymisation")
        guard let keyed = keyedValue.boolValue else {
            throw CassetteError(
                file: file,
                field: "pseudonymisation.keyed",
                problem: "is \(keyedValue.typeName.withArticle), not a boolean",
                remedy: "use true or false"
            )
        }
        return CassettePseudonymisation(
            kinds: kinds,
            salt: try string(object, "salt", at: "pseudonymisation"),
            keyed: keyed
        )
    }
}
