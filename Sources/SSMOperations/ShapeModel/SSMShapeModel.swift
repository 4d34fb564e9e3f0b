import RawJSON

/// The input and output shapes of the SSM operations this package models, as extracted from botocore's SSM service
/// model by `Scripts/extract_ssm_model.py` into `Contracts/model/ssm-model.json`.
///
/// Shapes are looked up by name; structure members keep the model's order (which is the order AWS CLI skeletons
/// print). ``bundled`` is the compiled-in copy of the committed file.
public struct SSMShapeModel: Sendable, Equatable {
    /// Where the model came from.
    public struct Source: Sendable, Equatable {
        /// The botocore version whose data file was read, e.g. `1.43.11`.
        public var botocoreVersion: String
        /// The SSM API version, e.g. `2014-11-06`.
        public var apiVersion: String
        /// The data file inside botocore.
        public var file: String
        /// The awsJson target prefix (`AmazonSSM`), used for `X-Amz-Target`.
        public var targetPrefix: String

        public init(botocoreVersion: String, apiVersion: String, file: String, targetPrefix: String) {
            self.botocoreVersion = botocoreVersion
            self.apiVersion = apiVersion
            self.file = file
            self.targetPrefix = targetPrefix
        }
    }

    /// One modelled operation.
    public struct Operation: Sendable, Equatable {
        /// The wire name, e.g. `GetCommandInvocation`.
        public var name: String
        /// The AWS CLI command name, e.g. `get-command-invocation`.
        public var cliName: String
        /// The input structure's shape name, if the operation takes input.
        public var input: String?
        /// The output structure's shape name, if the operation returns output.
        public var output: String?
        /// The modelled error shape names, in model order.
        public var errors: [String]

        public init(name: String, cliName: String, input: String?, output: String?, errors: [String]) {
            self.name = name
            self.cliName = cliName
            self.input = input
            self.output = output
            self.errors = errors
        }
    }

    /// Provenance of the model.
    public var source: Source
    /// The modelled operations, in file order.
    public var operations: [Operation]
    /// Every shape reachable from the operations' input and output, by name.
    public var shapes: [String: Shape]

    public init(source: Source, operations: [Operation], shapes: [String: Shape]) {
        self.source = source
        self.operations = operations
        self.shapes = shapes
    }

    /// The operation with this wire name (`GetCommandInvocation`) or CLI name (`get-command-invocation`).
    public func operation(named name: String) -> Operation? {
        operations.first { $0.name == name || $0.cliName == name }
    }

    /// The shape with this name; throws ``SSMModelError`` naming it when the model lacks it.
    public func shape(_ name: String) throws(SSMModelError) -> Shape {
        guard let shape = shapes[name] else { throw SSMModelError("the model has no shape named \(name)") }
        return shape
    }

    /// The CLI names of all operations, sorted (for "known operations" messages).
    public var cliNames: [String] { operations.map(\.cliName).sorted() }
}
