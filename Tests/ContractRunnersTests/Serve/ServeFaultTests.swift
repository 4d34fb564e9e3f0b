import Cassettes
import ContractRunners
import Foundation
import HTTPTransport
import RawJSON
import TestSupport
import Testing

/// `serve --fault …` and `--pace …`: what each fault looks like on the wire, that the seed fixes the
/// decisions, that the summary counts them, and that bad flags are one line and exit 2.
@Suite(.timeLimit(.minutes(3))) struct ServeFaultTests {
    /// Sends `count` polls to a server on the polling cassette with `faults`; returns each outcome (status, or
    /// the transport error's code) and the summary.
    static func polls(
        _ count: Int,
        faults: FaultPlan,
        pace: ReplayPace = .none
    ) async throws -> ([String], ReplaySummary) {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let options = ReplayServerOptions(faults: faults, pace: pace)
            return try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette], options: options) { server in
                    var outcomes: [String] = []
                    for _ in 0..<count {
                        do {
                            let response = try await curl.send(ReplayServerTests.poll(server.baseURL))
                            let type = try? ServeFixtures.json(String(decoding: response.body, as: UTF8.self))[
                                "__type"
                            ]?.stringValue
                            outcomes.append("\(response.status)" + (type.map { " " + $0 } ?? ""))
                        } catch let error as TransportError {
                            outcomes.append("\(error.code)")
                        }
                    }
                    return (outcomes, server.summary)
                }
            }
        }
    }

    @Test func throttleAnswersAsAWSThrottlesAndLeavesTheRecordedAnswersForTheRetry() async throws {
        try await ServeFixtures.withTemporaryFolder { folder in
            let cassette = try ServeFixtures.writePollingCassette(in: folder)
            let options = ReplayServerOptions(faults: try FaultPlan(specs: ["throttle=1"]))
            let (response, summary) = try await CurlTransport.withCurlTransport { curl in
                try await ReplayServer.withServer(cassettes: [cassette], options: options) { server in
                    (try await curl.send(ReplayServerTests.poll(server.baseURL)), server.summary)
                }
            }
            #expect(response.status == 400)
            #expect(response.headers["Content-Type"] == "application/x-amz-json-1.1")
            #expect(response.headers["x-amzn-RequestId"] != nil)
            #expect(
                String(decoding: response.body, as: UTF8.self)
                    == #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#
            )
            #expect(summary.faults == [.throttle: 1])
            #expect(summary.cassettes[0].replayed == 0 && summary.answered == 0 && summary.requests == 1)
            #expect(summary.text.contains("served 1 request: 0 answered, 0 missed, 1 replaced by injected faults"))
            #expect(summary.text.contains("  injected faults: throttle 1"))
            let faults = summary.json(strict: false)["faults"]
            #expect(faults?["throttle"]?.intValue == 1 && faults?["reset"]?.intValue == 0)
        }
    }

    @Test func eachFaultKindOnTheWire() async throws {
        let (errors, errorSummary) = try await Self.polls(2, faults: try FaultPlan(specs: ["500=0.5,503=0.5"], seed: 3))
        #expect(Set(errors).isSubset(of: ["500 InternalServerError", "503 ServiceUnavailable"]), "\(errors)")
        #expect(errorSummary.replacedByFaults == 2)
        let (reset, resetSummary) = try await Self.polls(1, faults: try FaultPlan(specs: ["reset=1"]))
        #expect(reset == ["connection reset"])
        #expect(resetSummary.faults == [.reset: 1])
        let (truncated, truncateSummary) = try await Self.polls(1, faults: try FaultPlan(specs: ["truncate=1"]))
        #expect(truncated == ["connection reset"])
        #expect(truncateSummary.faults == [.truncate: 1] && truncateSummary.answered == 1)
        let (delayed, latencySummary) = try await Self.polls(2, faults: try FaultPlan(specs: ["latency=20"]))
        #expect(delayed == ["200", "200"])
        #expect(latencySummary.faults == [.latency: 2] && latencySummary.replacedByFaults == 0)
    }

    @Test func theSeedFixesWhichRequestsGetFaults() async throws {
        let plan = try FaultPlan(specs: ["throttle=0.5"], seed: 42)
        let (first, summary) = try await Self.polls(24, faults: plan)
        let (second, _) = try await Self.polls(24, faults: plan)
        #expect(first == second)
        let throttled = first.filter { $0 == "400 ThrottlingException" }.count
        #expect(throttled > 0 && throttled < 24, "\(first)")
        #expect(summary.faults[.throttle] == throttled)
        let (other, _) = try await Self.polls(24, faults: try FaultPlan(specs: ["throttle=0.5"], seed: 43))
        #expect(other != first)
    }

    @Test func faultsCanBeLimitedToOneOperation() async throws {
        let (outcomes, summary) = try await Self.polls(
            3,
            faults: try FaultPlan(specs: ["throttle=1"], operation: "ListCommandInvocations")
        )
        #expect(outcomes == ["200", "200", "200"])
        #expect(summary.faults.isEmpty)
    }

    @Test func faultOperationTakesTheWireTargetOrCLINameOfAModelledOperation() throws {
        for given in ["GetCommandInvocation", "AmazonSSM.GetCommandInvocation", "get-command-invocation"] {
            #expect(try FaultPlan(specs: ["throttle=1"], operation: given).operation == "GetCommandInvocation")
        }
        #expect(throws: RunnerError.self) { try FaultPlan(specs: ["throttle=1"], operation: "ListCommand") }
    }

    /// The SSM model's operations as `--fault-operation`'s message lists them.
    static let operations =
        "CancelCommand, DescribeInstanceInformation, GetCommandInvocation, ListCommandInvocations, ListCommands, SendCommand"

    @Test(arguments: [
        (["--fault", "throttle=1.5"], "ssm-contract: --fault throttle=1.5: probability 1.5 is outside 0 to 1"),
        (["--fault", "throttle=-0.1"], "ssm-contract: --fault throttle=-0.1: probability -0.1 is outside 0 to 1"),
        (
            ["--fault", "boom=0.1"],
            #"ssm-contract: --fault boom=0.1: unknown fault "boom"; use throttle=P, 500=P, 503=P, reset=P, latency=MS[:P], truncate=P (P between 0 and 1)"#
        ),
        (
            ["--fault", "throttle"],
            "ssm-contract: --fault throttle: expected KIND=VALUE, one of throttle=P, 500=P, 503=P, reset=P, latency=MS[:P], truncate=P (P between 0 and 1)"
        ),
        (
            ["--fault", "throttle=often"],
            #"ssm-contract: --fault throttle=often: "often" is not a probability; give a number between 0 and 1 (e.g. 0.25)"#
        ),
        (
            ["--fault", "latency=fast"],
            "ssm-contract: --fault latency=fast: latency takes MS[:P], a delay in milliseconds from 0 to 600000 and an optional probability (e.g. latency=200:0.5)"
        ),
        (
            ["--fault", "throttle=0.7,500=0.5"],
            "ssm-contract: --fault: the probabilities of throttle, 500, 503, reset and truncate add up to 1.2; a request gets at most one of them, so keep their sum at most 1"
        ),
        (["--fault-operation", "GetCommandInvocation"], "ssm-contract: --fault-operation only applies with --fault"),
        (
            ["--fault", "throttle=0.1", "--fault-operation", "GetCommandInvocations"],
            "ssm-contract: --fault-operation GetCommandInvocations: not an operation of the SSM model; did you mean GetCommandInvocation? use one of \(Self.operations)"
        ),
        (
            ["--fault", "throttle=0.1", "--fault-operation", "DescribeParameters"],
            "ssm-contract: --fault-operation DescribeParameters: not an operation of the SSM model; use one of \(Self.operations)"
        ),
        (
            ["--pace", "x0"],
            "ssm-contract: --pace x0: xN takes a factor above 0 (x10 answers ten times faster than recorded)"
        ),
        (
            ["--pace", "slow"],
            "ssm-contract: --pace slow: use none, recorded or xN (e.g. x10, ten times faster than recorded)"
        ),
    ])
    func badFaultAndPaceFlagsAreOneLineAndExitTwo(arguments: [String], line: String) async throws {
        let finished = try await ServeCommandLineTests.withServe(arguments + ["Recordings/aws-docs"]) { _, first in
            #expect(first == nil)
        }
        #expect(finished.status == 2)
        #expect(finished.stderr == line + "\n")
    }
}
