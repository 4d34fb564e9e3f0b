import ContractEngine
import Foundation
import RawJSON
import SSMOperations

/// `ssm-contract check OPERATION [FILE|-]`: judges one response body (raw wire JSON, AWS CLI v1 or v2 output,
/// or an error body) against every contract of the operation.
public enum CheckRunner: Runner {
    /// The options of a check.
    public struct Options: Sendable {
        /// The AWS CLI operation name, e.g. `get-command-invocation`.
        public var operation = ""
        /// The response file, or `-` for standard input.
        public var input = "-"
        /// `--request FILE`: the request body, for contracts that need it (Details, MaxResults, echoed ids).
        public var request: String?
        /// `--target NAME`: judge as observed on this target (its deviations apply); default `input`.
        public var target: String?
        /// Catalog, contract files, selection and deviations.
        public var catalog = CatalogOptions()
        /// `--json FILE`.
        public var json: String?
        /// `--junit FILE`.
        public var junit: String?
        /// The day deviations expire against (`YYYY-MM-DD`, default today in UTC).
        public var today: String?
        /// `--verbose`: list every not-applicable contract instead of one line naming them.
        public var verbose = false
        /// Supplies the bytes for `-` (default: all of standard input).
        public var standardInput: @Sendable () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }

        public init() {}
    }

    /// What a check printed and how it ends: the same as ``VerifyRunner/Outcome``.
    public typealias Outcome = VerifyRunner.Outcome

    /// What `check` prints on standard error before it reads a terminal: it waits for the body.
    public static let terminalNotice =
        "ssm-contract check: reading the response body from standard input (paste it, then Ctrl-D; or give a FILE)"

    /// Runs `check`; ``Options/standardInput`` supplies the bytes for `-`. Runs on the caller's executor (the CLI's
    /// main thread: see `MainThreadCommand`).
    nonisolated(nonsending) public static func run(_ options: Options) async throws(RunnerError) -> Outcome {
        let standardInput = options.standardInput
        let reports = ReportFiles.paths(json: options.json, junit: options.junit)
        try reports.check()
        let inputs = [options.input, options.request].compactMap { $0 }.filter { $0 != "-" }  // - is standard input
        try reports.refuse(overwriting: inputs.map { URL(fileURLWithPath: $0) }, "a file this check reads")
        let operation = OperationName.wire(fromCLI: options.operation)
        let (catalog, deviations) = try options.catalog.load(operation: operation)
        let known = Set(catalog.contracts.flatMap(\.operations))
        guard known.contains(operation) else {
            let names = known.sorted().map(OperationName.cli(fromWire:)).joined(separator: ", ")
            throw RunnerError(
                "unknown operation \"\(options.operation)\"; the catalog has contracts for: \(names)",
                status: .badInput
            )
        }
        if let target = options.target { try requireKnown(target: target, deviations: deviations) }
        var request: JSONValue?
        if let path = options.request {
            do throws(InputError) {
                request = try ResponseDocument.request(
                    try read(path, standardInput: standardInput, isRequest: true),
                    file: path
                )
            } catch {
                throw RunnerError(error.description, status: .badInput)
            }
            try requireInputMember(request, of: operation, file: path)
        }
        var observation: Observation
        do throws(InputError) {
            observation = try ResponseDocument.observation(
                try read(options.input, standardInput: standardInput, isRequest: false),
                operation: operation,
                request: request,
                file: options.input
            )
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
        if case .json(let value) = observation.body {
            try ResponseIdentity.require(value.json, is: operation, file: options.input, judged: known)
        }
        if let target = options.target { observation.target = target }
        let engine = ContractEngine(catalog: catalog)
        var run = engine.makeAccumulator()
        run.addFile()
        engine.evaluate(observation, into: &run)
        let report = VerificationReport(
            engine.finish(run),
            deviations: deviations,
            today: options.today ?? DeviationSet.today()
        )
        try VerifyRunner.requireSomethingChecked(report, what: options.input)
        try ReportFiles.write(
            report,
            json: options.json,
            junit: options.junit,
            suite: "ssm-contract check \(options.operation)"
        )
        return Outcome(
            text: report.text(title: "ssm-contract check \(options.operation)", listsNotApplicable: options.verbose),
            exitStatus: report.hasViolations ? .violation : .success,
            report: report
        )
    }

    /// The targets `--target` may name: `input` (the default), `live`, and every target the loaded deviations
    /// are listed for; any other name would apply no deviation and judge as `input` under another label.
    static func requireKnown(target: String, deviations: DeviationSet) throws(RunnerError) {
        let known = Set(deviations.deviations.map(\.target)).union(["input", "live"]).sorted()
        guard known.contains(target) else {
            throw RunnerError(
                "--target \(target): no such target; use one of: \(known.joined(separator: ", ")) (a target's known deviations are in Contracts/deviations/TARGET.yaml)",
                status: .badInput
            )
        }
    }

    /// A request body with members, none of them a member of the operation's input, is not this operation's
    /// request (`{"hello":"world"}`); an empty object is (every input member may be optional).
    static func requireInputMember(_ request: JSONValue?, of operation: String, file: String) throws(RunnerError) {
        let model = SSMShapeModel.bundled
        guard case .object(let object)? = request, !object.isEmpty,
            let input = model.operation(named: operation)?.input.flatMap({ model.shapes[$0] })
        else { return }
        let members = input.members.map(\.name)
        guard !object.keys.contains(where: members.contains) else { return }
        throw RunnerError(
            "--request \(file): has none of \(operation)'s input members (\(members.joined(separator: ", "))); give the request body the call sent",
            status: .badInput
        )
    }

    /// The bytes of the response body (or, `isRequest`, the `--request` body) at `path`; `-` is standard input.
    static func read(_ path: String, standardInput: () -> Data, isRequest: Bool) throws(InputError) -> [UInt8] {
        if path == "-" { return [UInt8](standardInput()) }
        if OutputPaths.isFolder(path) {
            throw InputError(
                file: path,
                problem: isRequest
                    ? "is a folder; give --request the request body's file (or - for standard input)"
                    : "is a folder; give the response body's file (or - for standard input), or judge the cassettes in it with `ssm-contract verify \(path)`"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, problem: "cannot be read; check the path (use - for standard input)")
        }
        return [UInt8](data)
    }
}
