import RawJSON

/// One contract of the catalog: a rule about SSM responses, where it comes from, and what it applies to.
///
/// Contracts are read from `Contracts/*.yaml`. A contract is either *data* (a ``DataRule`` the engine
/// evaluates) or implemented in Swift under the same id (``CodeContractRegistry``).
public struct Contract: Sendable {
    /// The stable id, e.g. `status.details-consistent`.
    public let id: String
    /// One sentence saying what must hold.
    public let statement: String
    /// Where the rule comes from (a quoted seed sentence, the API model, the agent source, observed behaviour).
    public let source: ContractSource
    /// How much a failure matters.
    public let severity: Severity
    /// The operations and the places in their responses the contract looks at.
    public let appliesTo: [Scope]
    /// The fields the contract reads (for the catalog table and reports).
    public let fields: [String]
    /// How the contract is evaluated.
    public let implementation: Implementation
    /// Where the documentation and AWS's real behaviour differ for this rule, if they do.
    public let docsDiffer: String?
    /// Free-form parameters a Swift contract reads (documented error codes, plugin lists, ...).
    public let parameters: JSONValue
    /// The file the contract was read from.
    public let file: String

    public init(
        id: String,
        statement: String,
        source: ContractSource,
        severity: Severity,
        appliesTo: [Scope],
        fields: [String],
        implementation: Implementation,
        docsDiffer: String? = nil,
        parameters: JSONValue = .null,
        file: String = "<memory>"
    ) {
        self.id = id
        self.statement = statement
        self.source = source
        self.severity = severity
        self.appliesTo = appliesTo
        self.fields = fields
        self.implementation = implementation
        self.docsDiffer = docsDiffer
        self.parameters = parameters
        self.file = file
    }

    /// How a contract is evaluated.
    public enum Implementation: Sendable {
        /// A rule written as data in the catalog.
        case data(DataRule)
        /// A rule implemented in Swift under the contract's id.
        case swift
    }

    /// The operations this contract applies to.
    public var operations: [String] {
        var seen: [String] = []
        for scope in appliesTo where !seen.contains(scope.operation) { seen.append(scope.operation) }
        return seen
    }
}

/// How much a contract failure matters.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    /// A failure is a violation: the run exits 1.
    case error
    /// A failure is reported, but the run still exits 0 (rules resting on thinner evidence).
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// Where a contract's rule comes from.
public struct ContractSource: Sendable {
    /// The kind of source.
    public enum Kind: String, Sendable, CaseIterable {
        /// A sentence of one of the seed pages (`Contracts/seeds/`), quoted exactly.
        case seed
        /// The SSM API model (botocore `service-2.json`, the API reference is generated from it).
        case model
        /// The SSM agent's source code.
        case agent
        /// Behaviour observed in published real AWS responses.
        case observed
    }

    /// The kind.
    public let kind: Kind
    /// For `seed`: the seed file name.
    public let seed: String?
    /// The exact words of the rule in its source (required for `seed`).
    public let quote: String?
    /// Where to find it: a model shape, an agent file and line, a section of `docs/aws-behaviour.md`.
    public let reference: String?

    public init(kind: Kind, seed: String? = nil, quote: String? = nil, reference: String? = nil) {
        self.kind = kind
        self.seed = seed
        self.quote = quote
        self.reference = reference
    }

    /// A one-line citation, e.g. `seed 000_39b95b3c65e3e49f.txt` or `SSM API model: CommandInvocationStatus`.
    public var citation: String {
        switch kind {
        case .seed: return "seed \(seed ?? "?")" + (reference.map { " (\($0))" } ?? "")
        case .model: return "SSM API model" + (reference.map { ": \($0)" } ?? "")
        case .agent: return "SSM agent source" + (reference.map { ": \($0)" } ?? "")
        case .observed: return "observed AWS behaviour" + (reference.map { ": \($0)" } ?? "")
        }
    }
}

/// An operation and the place in its response a contract looks at.
public struct Scope: Sendable {
    /// The wire operation name, e.g. `GetCommandInvocation`.
    public let operation: String
    /// The subject path, e.g. `$` or `$.CommandInvocations[*].CommandPlugins[*]`.
    public let at: SubjectPath

    public init(operation: String, at: SubjectPath) {
        self.operation = operation
        self.at = at
    }
}
