import Cassettes
import ContractEngine
import RawJSON
import SSMOperations

/// Whether a body given to `check OPERATION` is that operation's response. A body that is something else (a
/// cassette, another operation's response, an unrelated object) is bad input: judging it would pass contracts
/// that never applied.
enum ResponseIdentity {
    /// Throws when `value` is not a response of `operation` (wire name); `judged` are the operations the catalog
    /// has contracts for (wire names), to say which `check` to use instead.
    static func require(
        _ value: JSONValue,
        is operation: String,
        file: String,
        judged: Set<String>,
        model: SSMShapeModel = .bundled
    ) throws(RunnerError) {
        guard case .object(let object) = value else { return }
        if object["format"]?.stringValue == "ssm-contract.cassette" || object.contains(key: "interactions") {
            throw RunnerError(
                "\(file): is an ssm-contract cassette, not a response body; judge cassettes with `ssm-contract verify \(file)`",
                status: .badInput
            )
        }
        let cliName = OperationName.cli(fromWire: operation)
        if let format = object["format"]?.stringValue, ReportFormat.all.contains(format) {
            throw RunnerError(
                "\(file): is an ssm-contract report (\"format\": \"\(format)\"), not a response body; give the body `aws ssm \(cliName) --output json` prints",
                status: .badInput
            )
        }
        let keys = object.keys
        let own = members(of: operation, in: model)
        let matched = keys.filter(own.contains).count
        let closest = model.operations
            .filter { $0.name != operation }
            .map { ($0, keys.filter(members(of: $0.name, in: model).contains).count) }
            .filter { $0.1 > matched }
            .max { $0.1 < $1.1 }
        if let (other, _) = closest, matched < keys.count {
            let usage =
                judged.contains(other.name)
                ? "use `ssm-contract check \(other.cliName)`"
                : "check judges \(judged.sorted().map(OperationName.cli(fromWire:)).joined(separator: " and ")) responses"
            throw RunnerError(
                "\(file): is a \(other.name) response (\(keys.joined(separator: ", "))), not a \(operation) response; \(usage)",
                status: .badInput
            )
        }
        guard matched > 0 else {
            let expected =
                model.operation(named: operation).flatMap { $0.output }.flatMap { model.shapes[$0] }?.members.map(
                    \.name
                ) ?? []
            let listed = expected.prefix(4).joined(separator: ", ") + (expected.count > 4 ? ", …" : "")
            let what =
                keys.isEmpty ? "is an empty JSON object" : "has none of \(operation)'s response members (\(listed))"
            throw RunnerError(
                "\(file): \(what), so it is not a \(operation) response; give the body `aws ssm \(cliName) --output json` prints",
                status: .badInput
            )
        }
    }

    static func members(of operation: String, in model: SSMShapeModel) -> Set<String> {
        guard let output = model.operation(named: operation)?.output, let shape = model.shapes[output] else {
            return []
        }
        return Set(shape.members.map(\.name))
    }
}
