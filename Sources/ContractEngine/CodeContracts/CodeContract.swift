import AWSWire
import RawJSON

/// A contract implemented in Swift. Its id, statement, source and severity live in the catalog like every
/// other contract (`implementation: swift`); this is only the evaluation.
public struct CodeContract: Sendable {
    /// Reports one verdict at a JSON path.
    public typealias Record = (Verdict, String) -> Void

    /// What the contract looks at.
    public enum Body: Sendable {
        /// Every successful JSON response of the contract's operations.
        case response(
            @Sendable (_ contract: Contract, _ observation: Observation, _ body: JSONTape.Value, _ record: Record) ->
                Void
        )
        /// Every observation of the contract's operations (successful, error or unreadable), judged whole.
        case observation(@Sendable (_ contract: Contract, _ observation: Observation) -> Verdict)
        /// Every pagination chain (ListCommandInvocations pages linked by NextToken).
        case chain(@Sendable (_ contract: Contract, _ chain: PaginationChain) -> (Verdict, ChainPage?))
        /// Every invocation sequence (all observations of one invocation, in time order).
        case sequence(@Sendable (_ contract: Contract, _ sequence: InvocationSequence) -> (Verdict, SequencePoint?))
    }

    /// The catalog id.
    public let id: String
    /// The evaluation.
    public let body: Body

    public init(id: String, body: Body) {
        self.id = id
        self.body = body
    }
}

/// Every contract implemented in Swift, by id.
public enum CodeContractRegistry {
    /// All implementations.
    public static let all: [CodeContract] =
        ErrorContracts.all + ListContracts.all + PaginationContracts.all + SequenceContracts.all + TimeContracts.all
        + WireContracts.all + ScenarioContracts.all

    /// Implementations by id.
    public static let byID: [String: CodeContract] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
