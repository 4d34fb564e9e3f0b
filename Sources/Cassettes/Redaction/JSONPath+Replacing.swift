import RawJSON

extension JSONPath {
    /// Parses a path of a redaction rule (the package's one JSON path syntax, ``JSONPath/init(parsing:)``).
    ///
    /// - Throws: ``CassetteConfigurationError`` naming the position of a syntax error.
    public init(_ text: String) throws(CassetteConfigurationError) {
        do {
            try self.init(parsing: text)
        } catch {
            throw CassetteConfigurationError(error.description)
        }
    }

    /// The value with every node the path selects replaced by `replacement`, and how many were replaced.
    func replacing(in value: JSONValue, with replacement: JSONValue) -> (JSONValue, Int) {
        var count = 0
        let result = apply(value, segments[...], replacement, &count)
        return (result, count)
    }

    private func apply(
        _ value: JSONValue,
        _ rest: ArraySlice<Segment>,
        _ replacement: JSONValue,
        _ count: inout Int
    ) -> JSONValue {
        guard let segment = rest.first else {
            count += 1
            return replacement
        }
        let next = rest.dropFirst()
        switch (segment, value) {
        case (.member(let key), .object(let object)):
            return .object(
                JSONObject(
                    object.members.map {
                        $0.key == key ? JSONMember(key: key, value: apply($0.value, next, replacement, &count)) : $0
                    }
                )
            )
        case (.index(let n), .array(var elements)) where n < elements.count:
            elements[n] = apply(elements[n], next, replacement, &count)
            return .array(elements)
        case (.wildcard, .array(let elements)):
            return .array(elements.map { apply($0, next, replacement, &count) })
        case (.wildcard, .object(let object)):
            return .object(
                JSONObject(
                    object.members.map { JSONMember(key: $0.key, value: apply($0.value, next, replacement, &count)) }
                )
            )
        case (.descendant(let key), .object(let object)):
            return .object(
                JSONObject(
                    object.members.map {
                        let deeper = apply($0.value, rest, replacement, &count)
                        return $0.key == key
                            ? JSONMember(key: key, value: apply(deeper, next, replacement, &count))
                            : JSONMember(key: $0.key, value: deeper)
                    }
                )
            )
        case (.descendant, .array(let elements)):
            return .array(elements.map { apply($0, rest, replacement, &count) })
        default:
            return value
        }
    }
}
