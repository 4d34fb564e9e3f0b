import SSMOperations
import YAMLTree

extension CatalogLoader {
    /// Rejects a contract that could never judge a response, naming its file and line: an operation the SSM
    /// model does not have (or written in its CLI spelling), a subject path no response of the operation has, a
    /// field that is a member of none of the contract's subjects (or a request field in none of its operations'
    /// inputs). A contract with several subjects may read fields that only some of them have.
    static func checkAgainstModel(
        _ contract: Contract,
        _ map: YAMLTree,
        _ reader: YAMLReader,
        model: SSMShapeModel = .bundled
    ) throws(CatalogError) {
        let what = "contract \(contract.id)"
        var subjects: [(scope: Scope, shape: String?)] = []
        var inputs: [String?] = []
        for scope in contract.appliesTo {
            guard let operation = model.operation(named: scope.operation), operation.name == scope.operation else {
                let hint =
                    model.operation(named: scope.operation).map { "use its wire name \($0.name)" }
                    ?? "the model's operations are \(model.operations.map(\.name).sorted().joined(separator: ", "))"
                throw reader.fail(
                    map["applies-to"],
                    "\(what): applies-to operation \"\(scope.operation)\" is not an SSM operation; \(hint)"
                )
            }
            switch resolve(scope.at, from: operation.output, in: model) {
            case .success(let shape): subjects.append((scope, shape))
            case .failure(let problem):
                throw reader.fail(
                    map["applies-to"],
                    "\(what): \(scope.at) can never match a \(operation.name) response: \(problem.reason)"
                )
            }
            inputs.append(operation.input)
        }
        guard case .data(let rule) = contract.implementation else { return }
        for ruleCase in rule.cases {
            for predicate in ruleCase.when + ruleCase.whenAny + ruleCase.expect + ruleCase.confirm
                + ruleCase.inconclusiveIf
            {
                var fields: [FieldPath] = []
                var requestFields: [FieldPath] = []
                switch predicate.operand {
                case .field(let path): fields.append(path)
                case .request(let path): requestFields.append(path)
                }
                switch predicate.test {
                case .equalsRequest(let path): requestFields.append(path)
                case .notBefore(let path): fields.append(path)
                default: break
                }
                for path in fields {
                    let problems = subjects.map { problem(path, from: $0.shape, in: model) }
                    if let first = problems.first, problems.allSatisfy({ $0 != nil }), let reason = first {
                        let places = subjects.map { "\($0.scope.operation) \($0.scope.at)" }.joined(separator: ", ")
                        throw reader.fail(
                            map["rule"],
                            "\(what): field \(path) is in none of its subjects (\(places)): \(reason)"
                        )
                    }
                }
                for path in requestFields {
                    let problems = inputs.map { problem(path, from: $0, in: model) }
                    if let first = problems.first, problems.allSatisfy({ $0 != nil }), let reason = first {
                        throw reader.fail(
                            map["rule"],
                            "\(what): request field \(path) is in none of its operations' requests: \(reason)"
                        )
                    }
                }
            }
        }
    }

    /// The shape a subject path leads to (`nil`: past a map or document, anything goes), or why it leads nowhere.
    static func resolve(
        _ path: SubjectPath,
        from root: String?,
        in model: SSMShapeModel
    ) -> Result<String?, PathProblem> {
        var current = root
        for step in path.steps {
            guard let name = current, let shape = model.shapes[name] else { return .success(nil) }
            switch (step, shape.kind) {
            case (.member(let member), .structure):
                guard let next = shape.member(member) else { return .failure(PathProblem(notMember(member, shape))) }
                current = next.shape
            case (.each, .list):
                current = shape.listMember
            case (.member, .map):
                current = shape.mapValue
            case (.member(let member), _):
                return .failure(
                    PathProblem("\(member) is under \(shape.name), a \(shape.kind.rawValue), which has no members")
                )
            case (.each, _):
                return .failure(PathProblem("[*] is applied to \(shape.name), a \(shape.kind.rawValue), not a list"))
            }
        }
        return .success(current)
    }

    /// Why a field path cannot be found below the shape `root`, or `nil` when it can (or when the shape is open).
    static func problem(_ path: FieldPath, from root: String?, in model: SSMShapeModel) -> String? {
        var current = root
        for name in path.names {
            guard let shapeName = current, let shape = model.shapes[shapeName] else { return nil }
            switch shape.kind {
            case .structure:
                guard let member = shape.member(name) else { return notMember(name, shape) }
                current = member.shape
            case .map:
                current = shape.mapValue
            default:
                return "\(name) is under \(shape.name), a \(shape.kind.rawValue), which has no members"
            }
        }
        return nil
    }

    static func notMember(_ name: String, _ shape: Shape) -> String {
        "\(shape.name) has no member \(name) (its members: \(shape.members.map(\.name).joined(separator: ", ")))"
    }
}
