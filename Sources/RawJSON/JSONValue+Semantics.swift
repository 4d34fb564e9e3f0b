extension JSONValue {
    /// Equality that ignores object key order and number spelling (`1.5E9` equals `1500000000`).
    ///
    /// Used to match requests: two awsJson1_1 bodies are the same request when they carry the same members
    /// with the same values, however they were serialized. Array order still matters.
    public func semanticallyEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)):
            if a.literal == b.literal { return true }
            guard let x = a.doubleValue, let y = b.doubleValue else { return false }
            return x == y
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        case (.object(let a), .object(let b)):
            let left = a.uniqueMembers
            let right = b.uniqueMembers
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let other = right[key], value.semanticallyEquals(other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// The same value with every object's keys sorted (recursively), keeping number literals.
    public var sortedKeys: JSONValue {
        switch self {
        case .array(let a): return .array(a.map(\.sortedKeys))
        case .object(let o):
            let members = o.uniqueMembers.sorted { $0.key < $1.key }
                .map { JSONMember(key: $0.key, value: $0.value.sortedKeys) }
            return .object(JSONObject(members))
        default: return self
        }
    }
}

extension JSONObject {
    /// Members with duplicate keys collapsed to the last value (what equality and matching compare).
    public var uniqueMembers: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        result.reserveCapacity(members.count)
        for member in members { result[member.key] = member.value }
        return result
    }
}
