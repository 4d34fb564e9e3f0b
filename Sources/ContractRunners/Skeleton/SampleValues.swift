import RawJSON
import SSMOperations

/// Builds sample values that satisfy the model's own constraints (lengths, patterns, enums, ranges, list sizes), so
/// that a sample output is a valid response and a sample input a valid request.
///
/// Strings: a member example that keeps the sample coherent (``memberExamples``: a finished, successful
/// invocation, so ssm-contract's own contracts accept the sample); else the first enum value; else a realistic
/// example for well-known shapes (IDs from the AWS CLI reference pages); else the member name (as the AWS CLI's
/// output skeleton does), padded or cut to the length limits. Every candidate is checked with ``ShapeValidator``;
/// when none fits, generation fails naming the shape and pattern, so a new pattern in the model is noticed rather
/// than papered over. The one exception is ``observedValues``: members whose model constraint no real AWS value
/// meets, where the sample follows AWS. Timestamps are epoch seconds (the wire form).
package struct SampleValues: Sendable {
    /// Realistic values for shapes whose patterns a member name cannot satisfy.
    package static let examples: [String: String] = [
        "CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678",
        "InstanceId": "i-1234567890abcdef0",
        "ActivationId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "DocumentName": "AWS-RunShellScript",
        "CommandPluginName": "aws:runShellScript",
        "DocumentVersion": "$DEFAULT",
        "Version": "3.3.40.0",
        "MaxConcurrency": "50",
        "MaxErrors": "0",
        "IPAddress": "192.0.2.10",
        "S3Region": "us-east-1",
        "StringDateTime": "2024-01-01T00:00:00Z",
    ]

    /// Member examples tried before anything else (each still checked against the model): the sample describes
    /// a finished, successful invocation, as a response after the command ran does.
    package static let memberExamples: [String: String] = [
        "Status": "Success",
        "StatusDetails": "Success",
    ]

    /// Members whose modeled constraint every real AWS value breaks; the sample carries what AWS sends. The model
    /// types ExecutionElapsedTime as StringDateTime (a date-time pattern), but AWS sends an ISO-8601 duration
    /// (contract times.elapsed-duration, whose docs-differ note records the model's error). Start and end are
    /// the same sample time, so the elapsed time is zero.
    package static let observedValues: [String: String] = [
        "ExecutionElapsedTime": "PT0S"
    ]

    /// The timestamp used in samples: 2024-01-01T00:00:00Z, in epoch seconds.
    package static let sampleEpochSeconds = 1_704_067_200

    private let model: SSMShapeModel
    private let validator: ShapeValidator

    package init(model: SSMShapeModel) {
        self.model = model
        self.validator = ShapeValidator(model: model)
    }

    /// A valid sample of the shape named `shapeName`; `name` is the member (or element) name it is for.
    package func value(for shapeName: String, name: String = "", path: String = "$") throws(Unsatisfiable) -> JSONValue
    {
        var stack: [String] = []
        return try generate(shapeName, name, path, &stack)
    }

    private func generate(
        _ shapeName: String,
        _ name: String,
        _ path: String,
        _ stack: inout [String]
    ) throws(Unsatisfiable) -> JSONValue {
        guard let shape = model.shapes[shapeName] else {
            throw Unsatisfiable(path: path, reason: "no shape \(shapeName)")
        }
        stack.append(shapeName)
        defer { stack.removeLast() }
        switch shape.kind {
        case .structure:
            if stack.filter({ $0 == shapeName }).count > 1 { return .object(JSONObject()) }
            var object = JSONObject()
            for member in shape.members {
                let memberPath = path == "$" ? member.name : "\(path).\(member.name)"
                object.append(key: member.name, value: try generate(member.shape, member.name, memberPath, &stack))
            }
            return .object(object)
        case .list:
            let count = Swift.min(Swift.max(shape.min ?? 1, 1), shape.max ?? Int.max)
            var elements: [JSONValue] = []
            let element = shape.listMember ?? ""
            for index in 0..<count { elements.append(try generate(element, element, "\(path)[\(index)]", &stack)) }
            return .array(elements)
        case .map:
            guard (shape.max ?? 1) > 0 else { return .object(JSONObject()) }
            let key = try string(for: model.shapes[shape.mapKey ?? ""], name: "KeyName", path: "\(path){key}")
            let value = try generate(shape.mapValue ?? "", "", "\(path)[\(key)]", &stack)
            return .object(JSONObject([JSONMember(key: key, value: value)]))
        case .string:
            if let observed = Self.observedValues[name] { return .string(observed) }
            return .string(try string(for: shape, name: name, path: path))
        case .integer, .long:
            return .number(JSONNumber(Swift.min(Swift.max(0, shape.min ?? 0), shape.max ?? Int.max)))
        case .float, .double:
            let value = Swift.min(Swift.max(0, shape.min ?? 0), shape.max ?? Int.max)
            return .number(JSONNumber(literal: "\(value).0"))
        case .boolean: return .bool(true)
        case .timestamp: return .number(JSONNumber(Self.sampleEpochSeconds))
        case .blob: return .string("")
        }
    }

    private func string(for shape: Shape?, name: String, path: String) throws(Unsatisfiable) -> String {
        guard let shape else { return name }
        var candidates = Self.memberExamples[name].map { [$0] } ?? []
        candidates += shape.enumValues.prefix(1)
        if let example = Self.examples[shape.name] { candidates.append(example) }
        let base = name.isEmpty ? shape.name : name
        candidates.append(base)
        if let min = shape.min, base.unicodeScalars.count < min {
            candidates.append(base + String(repeating: "x", count: min - base.unicodeScalars.count))
        }
        if let max = shape.max, base.unicodeScalars.count > max {
            candidates.append(String(String.UnicodeScalarView(base.unicodeScalars.prefix(max))))
        }
        for candidate in candidates where validator.validate(.string(candidate), shape: shape.name).isEmpty {
            return candidate
        }
        let rules = validator.validate(.string(base), shape: shape.name).map(\.message).joined(separator: "; ")
        throw Unsatisfiable(
            path: path,
            reason: "shape \(shape.name): \(rules) (add an example to SampleValues.examples)"
        )
    }
}
