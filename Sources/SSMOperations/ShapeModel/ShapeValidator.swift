import RawJSON

/// Judges JSON values against the shapes of an ``SSMShapeModel``: types, required members, unknown members,
/// string length (Unicode scalars), patterns, enum values, numeric ranges, list and map sizes, recursively.
public struct ShapeValidator: Sendable {
    /// How timestamps may be written.
    public enum TimestampForm: Sendable {
        /// Epoch seconds as a JSON number: the awsJson1_1 wire form.
        case epochSeconds
        /// An ISO 8601 string, as the AWS CLI prints timestamps.
        case iso8601
        /// Either.
        case any
    }

    /// The model judged against.
    public let model: SSMShapeModel
    /// Accepted timestamp forms.
    public let timestamps: TimestampForm
    /// Whether members the model does not define are violations (a response from a newer API may have them).
    public let rejectUnknownMembers: Bool
    private let patterns: [String: Result<ShapePattern, SSMModelError>]

    public init(model: SSMShapeModel, timestamps: TimestampForm = .epochSeconds, rejectUnknownMembers: Bool = true) {
        self.model = model
        self.timestamps = timestamps
        self.rejectUnknownMembers = rejectUnknownMembers
        var patterns: [String: Result<ShapePattern, SSMModelError>] = [:]
        for pattern in Set(model.shapes.values.compactMap(\.pattern)) {
            do throws(SSMModelError) {
                patterns[pattern] = .success(try ShapePattern(pattern))
            } catch {
                patterns[pattern] = .failure(error)
            }
        }
        self.patterns = patterns
    }

    /// The violations of `value` against the shape named `shapeName`; empty when it is valid.
    public func validate(_ value: JSONValue, shape shapeName: String, path: String = "$") -> [ShapeViolation] {
        var out: [ShapeViolation] = []
        check(value, shapeName, path, &out)
        return out
    }

    /// The violations of an operation's output (e.g. a response body) against its output shape.
    public func validateOutput(_ value: JSONValue, operation: String) -> [ShapeViolation] {
        guard let name = model.operation(named: operation)?.output else { return [] }
        return validate(value, shape: name)
    }

    /// The violations of an operation's input (e.g. a request body) against its input shape.
    public func validateInput(_ value: JSONValue, operation: String) -> [ShapeViolation] {
        guard let name = model.operation(named: operation)?.input else { return [] }
        return validate(value, shape: name)
    }

    private func check(_ value: JSONValue, _ shapeName: String, _ path: String, _ out: inout [ShapeViolation]) {
        guard let shape = model.shapes[shapeName] else {
            out.append(
                ShapeViolation(
                    path: path,
                    shape: shapeName,
                    rule: .type,
                    message: "the model has no shape \(shapeName)"
                )
            )
            return
        }
        func fail(_ rule: ShapeViolation.Rule, _ message: String) {
            out.append(ShapeViolation(path: path, shape: shape.name, rule: rule, message: message))
        }
        func wrongType(_ expected: String) { fail(.type, "expected \(expected), found \(value.typeName)") }
        switch shape.kind {
        case .structure:
            guard let object = value.objectValue else { return wrongType("an object") }
            for name in shape.required where !object.contains(key: name) {
                fail(.required, "required member \(name) is missing")
            }
            for member in object {
                let memberPath = path == "$" ? member.key : "\(path).\(member.key)"
                if let definition = shape.member(member.key) {
                    check(member.value, definition.shape, memberPath, &out)
                } else if rejectUnknownMembers {
                    out.append(
                        ShapeViolation(
                            path: memberPath,
                            shape: shape.name,
                            rule: .unknownMember,
                            message: "\(shape.name) has no member \(member.key)"
                        )
                    )
                }
            }
        case .list:
            guard let elements = value.arrayValue else { return wrongType("an array") }
            checkSize(elements.count, shape, fail)
            for (index, element) in elements.enumerated() {
                check(element, shape.listMember ?? "", "\(path)[\(index)]", &out)
            }
        case .map:
            guard let object = value.objectValue else { return wrongType("an object (map)") }
            checkSize(object.count, shape, fail)
            for entry in object {
                check(.string(entry.key), shape.mapKey ?? "", "\(path){key \(entry.key)}", &out)
                check(entry.value, shape.mapValue ?? "", "\(path)[\(entry.key)]", &out)
            }
        case .string:
            guard let string = value.stringValue else { return wrongType("a string") }
            checkString(string, shape, fail)
        case .integer, .long:
            guard let number = value.numberValue else { return wrongType("an integer") }
            guard let integer = number.intValue else {
                return fail(.type, "expected an integer, found \(number.literal)")
            }
            if let min = shape.min, integer < min { fail(.minValue, "\(integer) is below the minimum \(min)") }
            if let max = shape.max, integer > max { fail(.maxValue, "\(integer) is above the maximum \(max)") }
        case .float, .double:
            guard let number = value.doubleValue else { return wrongType("a number") }
            if let min = shape.min, number < Double(min) { fail(.minValue, "\(number) is below the minimum \(min)") }
            if let max = shape.max, number > Double(max) { fail(.maxValue, "\(number) is above the maximum \(max)") }
        case .boolean:
            if value.boolValue == nil { wrongType("a boolean") }
        case .timestamp:
            switch (timestamps, value) {
            case (.epochSeconds, .number), (.any, .number): break
            case (.iso8601, .string(let text)), (.any, .string(let text)):
                if !Self.looksLikeISO8601(text) { fail(.type, "\"\(text)\" is not an ISO 8601 timestamp") }
            case (.iso8601, _): wrongType("an ISO 8601 timestamp string")
            default: wrongType("epoch seconds (a number)")
            }
        case .blob:
            if value.stringValue == nil { wrongType("a base64 string") }
        }
    }

    private func checkSize(_ count: Int, _ shape: Shape, _ fail: (ShapeViolation.Rule, String) -> Void) {
        if let min = shape.min, count < min { fail(.minLength, "\(count) entries, fewer than the minimum \(min)") }
        if let max = shape.max, count > max { fail(.maxLength, "\(count) entries, more than the maximum \(max)") }
    }

    private func checkString(_ string: String, _ shape: Shape, _ fail: (ShapeViolation.Rule, String) -> Void) {
        let length = string.unicodeScalars.count
        if let min = shape.min, length < min { fail(.minLength, "length \(length) is below the minimum \(min)") }
        if let max = shape.max, length > max { fail(.maxLength, "length \(length) is above the maximum \(max)") }
        if !shape.enumValues.isEmpty, !shape.enumValues.contains(string) {
            fail(.enumValue, "\"\(string)\" is not one of \(shape.enumValues.joined(separator: ", "))")
        }
        if let pattern = shape.pattern {
            switch patterns[pattern] {
            case .success(let compiled)?:
                if !compiled.matches(string) { fail(.pattern, "\"\(string)\" does not match \(pattern)") }
            case .failure(let error)?: fail(.unusablePattern, error.message)
            case nil: break
            }
        }
    }

    /// `YYYY-MM-DD`, optionally followed by `T` or a space and a time: what the AWS CLI prints for timestamps.
    static func looksLikeISO8601(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return digits.allSatisfy { ("0"..."9").contains(scalars[$0]) } && scalars[4] == "-" && scalars[7] == "-"
            && (scalars.count == 10 || scalars[10] == "T" || scalars[10] == " ")
    }
}
