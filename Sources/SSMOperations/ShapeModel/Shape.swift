import RawJSON

/// One shape of the SSM model: its type and constraints (botocore/Smithy traits).
public struct Shape: Sendable, Equatable {
    /// The shape types of the awsJson1_1 model.
    public enum Kind: String, Sendable, CaseIterable {
        case structure, list, map, string, integer, long, float, double, boolean, timestamp, blob
    }

    /// One member of a structure.
    public struct Member: Sendable, Equatable {
        /// The member name as sent on the wire, e.g. `CommandId`.
        public var name: String
        /// The target shape's name.
        public var shape: String
        /// The first sentence of its documentation, if any (what AWS CLI v2 prints in yaml-input comments).
        public var documentation: String?
        /// Member-level traits other than documentation (e.g. `box`), as in the model.
        public var traits: JSONObject

        public init(name: String, shape: String, documentation: String? = nil, traits: JSONObject = JSONObject()) {
            self.name = name
            self.shape = shape
            self.documentation = documentation
            self.traits = traits
        }
    }

    /// The shape's name.
    public var name: String
    /// The type.
    public var kind: Kind
    /// Minimum length (strings, in Unicode scalars), size (lists, maps) or value (numbers).
    public var min: Int?
    /// Maximum length, size or value.
    public var max: Int?
    /// A regular expression a string must match somewhere (Smithy patterns are not implicitly anchored).
    public var pattern: String?
    /// The allowed string values, in model order (empty when unconstrained).
    public var enumValues: [String]
    /// Whether the value is sensitive (the CLI and logs should not show it).
    public var sensitive: Bool
    /// Required member names of a structure, in model order.
    public var required: [String]
    /// Members of a structure, in model order.
    public var members: [Member]
    /// The element shape of a list.
    public var listMember: String?
    /// The key shape of a map.
    public var mapKey: String?
    /// The value shape of a map.
    public var mapValue: String?

    public init(
        name: String,
        kind: Kind,
        min: Int? = nil,
        max: Int? = nil,
        pattern: String? = nil,
        enumValues: [String] = [],
        sensitive: Bool = false,
        required: [String] = [],
        members: [Member] = [],
        listMember: String? = nil,
        mapKey: String? = nil,
        mapValue: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.min = min
        self.max = max
        self.pattern = pattern
        self.enumValues = enumValues
        self.sensitive = sensitive
        self.required = required
        self.members = members
        self.listMember = listMember
        self.mapKey = mapKey
        self.mapValue = mapValue
    }

    /// The member with this name, if the shape is a structure that has it.
    public func member(_ name: String) -> Member? { members.first { $0.name == name } }

    /// Whether a structure member is required.
    public func isRequired(_ member: String) -> Bool { required.contains(member) }
}
