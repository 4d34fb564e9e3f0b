import RawJSON
import SSMOperations

/// The three skeletons `--generate-cli-skeleton` knows.
public enum SkeletonKind: String, Sendable, CaseIterable {
    /// Input JSON for `--cli-input-json`, byte-identical to AWS CLI v1's.
    case input
    /// Input YAML for `--cli-input-yaml`, in AWS CLI v2's format.
    case yamlInput = "yaml-input"
    /// A sample output that satisfies the output shape's constraints.
    case output
}

/// What `ssm-contract skeleton OPERATION [KIND]` prints.
public enum SkeletonRunner: Runner {
    /// The options of a skeleton.
    public struct Options: Sendable {
        /// The operation's CLI name (`get-command-invocation`) or wire name.
        public var operation = ""
        /// `input`, `yaml-input` or `output` (``SkeletonKind``).
        public var kind = SkeletonKind.input.rawValue
        /// The SSM model the skeleton comes from.
        public var model = SSMShapeModel.bundled

        /// Options with every default.
        public init() {}
    }

    /// The skeleton text, ending with a newline, as the CLI would print it (exit 0).
    public typealias Outcome = TextOutcome

    /// Renders the skeleton.
    ///
    /// - Throws: ``RunnerError`` (bad input, 2) for an unknown operation or kind. Runs on the caller's executor.
    nonisolated(nonsending) public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        guard let kind = SkeletonKind(rawValue: options.kind) else {
            let known = SkeletonKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw RunnerError("unknown skeleton kind \"\(options.kind)\"; use one of: \(known)", status: .badInput)
        }
        return Outcome(text: try render(operation: options.operation, kind: kind, model: options.model))
    }

    /// The operation named by its CLI name (`get-command-invocation`) or wire name; an unknown name is a
    /// ``RunnerError`` (exit 2) listing the known operations.
    package static func operation(
        _ name: String,
        in model: SSMShapeModel = .bundled
    ) throws(RunnerError) -> SSMShapeModel.Operation {
        guard let operation = model.operation(named: name) else {
            throw RunnerError(
                "unknown operation \"\(name)\"; known operations: \(model.cliNames.joined(separator: ", "))",
                status: .badInput
            )
        }
        return operation
    }

    /// The skeleton text, ending with a newline, as the CLI would print it.
    package static func render(
        operation name: String,
        kind: SkeletonKind = .input,
        model: SSMShapeModel = .bundled
    ) throws(RunnerError) -> String {
        let operation = try operation(name, in: model)
        switch kind {
        case .input:
            return PythonJSONWriter.string(InputSkeleton.value(for: operation, in: model)) + "\n"
        case .yamlInput:
            return YAMLInputSkeleton.render(operation, in: model)
        case .output:
            return PythonJSONWriter.string(try outputValue(for: operation, in: model)) + "\n"
        }
    }

    /// The sample output of an operation (`{}` when it has no output shape); valid against the model.
    package static func outputValue(
        for operation: SSMShapeModel.Operation,
        in model: SSMShapeModel
    ) throws(RunnerError) -> JSONValue {
        guard let output = operation.output else { return .object(JSONObject()) }
        do {
            return try SampleValues(model: model).value(for: output)
        } catch {
            throw RunnerError("\(operation.cliName) output skeleton: \(error.description)", status: .internalError)
        }
    }

    /// A valid sample input of an operation: every member filled with constraint-satisfying values.
    package static func sampleInput(
        for operation: SSMShapeModel.Operation,
        in model: SSMShapeModel
    ) throws(RunnerError) -> JSONValue {
        guard let input = operation.input else { return .object(JSONObject()) }
        do {
            return try SampleValues(model: model).value(for: input)
        } catch {
            throw RunnerError("\(operation.cliName) sample input: \(error.description)", status: .internalError)
        }
    }
}
