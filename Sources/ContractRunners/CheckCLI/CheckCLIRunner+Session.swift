import Foundation
import HTTPTransport
import RawJSON
import SSMOperations

extension CheckCLIRunner {
    /// One check-cli run's state: the CLI, the endpoint and the request counts per kind of run.
    struct Session {
        let cli: ExternalCLI
        let endpoint: CountingEndpoint
        let model: SSMShapeModel
        /// Called with each result as soon as it is known.
        var onResult: @Sendable (CLICheckResult) -> Void = { _ in }
        var skeletonRuns = 0, skeletonRunRequests = 0, commandRuns = 0, commandRunRequests = 0

        init(cli: ExternalCLI, endpoint: CountingEndpoint, model: SSMShapeModel) {
            self.cli = cli
            self.endpoint = endpoint
            self.model = model
        }

        /// Runs the CLI on `ssm OPERATION arguments` against the endpoint; returns the run and the requests it sent.
        mutating func aws(
            _ operation: SSMShapeModel.Operation,
            _ arguments: [String],
            skeleton: Bool
        ) async throws(RunnerError) -> (ExternalCLI.Run, [HTTPRequest]) {
            let before = await endpoint.requests().count
            let run = try await cli.run(
                ["ssm", operation.cliName] + arguments + ["--endpoint-url", endpoint.url, "--output", "json"]
            )
            let sent = Array(await endpoint.requests().dropFirst(before))
            if skeleton {
                skeletonRuns += 1
                skeletonRunRequests += sent.count
            } else {
                commandRuns += 1
                commandRunRequests += sent.count
            }
            return (run, sent)
        }

        mutating func check(_ operation: SSMShapeModel.Operation) async throws(RunnerError) -> [CLICheckResult] {
            let name = operation.cliName
            func result(_ id: String, _ holds: Bool, _ detail: String) -> CLICheckResult {
                CLICheckResult(check: id, operation: name, holds: holds, detail: detail)
            }
            var out: [CLICheckResult] = []
            let onResult = self.onResult
            func add(_ result: CLICheckResult) {
                out.append(result)
                onResult(result)
            }

            // 1–3: the input skeleton, and feeding it back.
            let (inputRun, inputRequests) = try await aws(
                operation,
                ["--generate-cli-skeleton", "input"],
                skeleton: true
            )
            add(
                result(
                    "input-skeleton-no-request",
                    inputRequests.isEmpty,
                    "\(Plural.count(inputRequests.count, "request")) received"
                )
            )
            let skeleton = inputRun.status == 0 ? try? JSONParser.parse(inputRun.stdout) : nil
            if let skeleton {
                let problems =
                    operation.input.map { InputSkeletonConformance.problems(skeleton, shape: $0, in: model) } ?? []
                let count = skeleton.objectValue?.count ?? 0
                add(
                    result(
                        "input-skeleton-members",
                        problems.isEmpty,
                        problems.isEmpty
                            ? "\(count) members, typed placeholders, model order" : problems.joined(separator: "; ")
                    )
                )
                let (feedback, sent) = try await aws(operation, ["--cli-input-json", inputRun.stdout], skeleton: false)
                let (holds, detail) = accepted(feedback, sent)
                add(result("input-skeleton-accepted", holds, detail))
            } else {
                let why =
                    inputRun.status == 0
                    ? "stdout is not JSON" : "exited \(inputRun.status): \(inputRun.firstErrorLine)"
                add(result("input-skeleton-members", false, why))
                add(result("input-skeleton-accepted", false, "no input skeleton to feed back"))
            }

            // 4: a valid input is sent as exactly one request carrying exactly those members.
            let sample = try SkeletonRunner.sampleInput(for: operation, in: model)
            let sampleText = JSONWriter.string(sample)
            let (filledRun, filledRequests) = try await aws(
                operation,
                ["--cli-input-json", sampleText],
                skeleton: false
            )
            let filled = filledInputResult(operation, sample, filledRun, filledRequests)
            add(result("filled-input-sent", filled.0, filled.1))

            // 5–6: the output skeleton (validated inputs given through --cli-input-json).
            let (outputRun, outputRequests) = try await aws(
                operation,
                ["--cli-input-json", sampleText, "--generate-cli-skeleton", "output"],
                skeleton: true
            )
            add(
                result(
                    "output-skeleton-no-request",
                    outputRequests.isEmpty,
                    "\(Plural.count(outputRequests.count, "request")) received"
                )
            )
            let valid = outputResult(operation, outputRun)
            add(result("output-skeleton-valid", valid.0, valid.1))
            return out
        }

        private func accepted(_ run: ExternalCLI.Run, _ sent: [HTTPRequest]) -> (Bool, String) {
            let lines = run.stderr.split(separator: "\n").map(String.init).filter {
                $0.hasPrefix("Invalid ") || $0.hasPrefix("Unknown ") || $0.hasPrefix("Missing ")
            }
            let structural = lines.filter {
                !$0.hasPrefix("Invalid length") && !$0.hasPrefix("Invalid value") && !$0.hasPrefix("Invalid range")
            }
            if run.status == 0 {
                return (true, "accepted and run as a command (\(Plural.count(sent.count, "request")) sent, expected)")
            }
            if !lines.isEmpty, structural.isEmpty {
                return (
                    true,
                    "members accepted; the placeholder values fail the CLI's own validation, as placeholders may: \(lines.joined(separator: "; "))"
                )
            }
            return (
                false,
                "rejected (exit \(run.status)): \((structural.isEmpty ? [run.firstErrorLine] : structural).joined(separator: "; "))"
            )
        }

        private func filledInputResult(
            _ operation: SSMShapeModel.Operation,
            _ sample: JSONValue,
            _ run: ExternalCLI.Run,
            _ sent: [HTTPRequest]
        ) -> (Bool, String) {
            let target = "\(model.source.targetPrefix).\(operation.name)"
            guard run.status == 0 else {
                return (
                    false, "exited \(run.status): \(run.firstErrorLine) (\(Plural.count(sent.count, "request")) sent)"
                )
            }
            guard sent.count == 1, let request = sent.first else {
                return (false, "expected 1 request, received \(sent.count)")
            }
            guard request.headers["X-Amz-Target"] == target else {
                return (false, "X-Amz-Target is \(request.headers["X-Amz-Target"] ?? "absent"), expected \(target)")
            }
            guard let body = try? JSONParser.parse(request.body), body.semanticallyEquals(sample) else {
                return (
                    false, "the request body differs from the input: \(String(decoding: request.body, as: UTF8.self))"
                )
            }
            return (true, "1 request, \(target), body has exactly the \(sample.objectValue?.count ?? 0) members given")
        }

        private func outputResult(_ operation: SSMShapeModel.Operation, _ run: ExternalCLI.Run) -> (Bool, String) {
            guard run.status == 0 else {
                let lines = run.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                return (false, "the CLI's output mode exited \(run.status): \(lines.joined(separator: " "))")
            }
            let printed = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let output = printed.isEmpty ? JSONValue.object(JSONObject()) : try? JSONParser.parse(printed) else {
                return (false, "stdout is not JSON")
            }
            if printed.isEmpty, let shape = operation.output, model.shapes[shape]?.members.isEmpty == true {
                return (true, "prints nothing for the empty \(shape) (no members to show)")
            }
            let violations = ShapeValidator(model: model, timestamps: .iso8601).validateOutput(
                output,
                operation: operation.name
            )
            if violations.isEmpty {
                return (true, "sample output satisfies \(operation.output ?? "the output shape")")
            }
            return (
                false,
                "\(Plural.count(violations.count, "constraint violation")): \(violations.map(\.description).joined(separator: "; "))"
            )
        }
    }
}
