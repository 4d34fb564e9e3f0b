import Cassettes
import Foundation
import TestSupport
import Testing

/// `record` and `live` against an upstream that throttles, answers 5xx or resets connections (a ``FaultyUpstream``
/// in front of the real moto server, faults from a seeded plan): each failed attempt is retried as the AWS
/// standard retry mode does (3 attempts in all), a call that recovers changes nothing, and a call still failing
/// after its last attempt makes the run inconclusive — never a contract violation, never a crash.
@Suite(.serialized) struct UpstreamFaultTests {
    static let scenarios = KillNineTests.scenarios

    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, out: String) {
        let process = try KillNineTests.start(arguments, in: folder, output: true)
        let out = String(decoding: process.output!.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.process.waitUntilExit()
        return (process.process.terminationStatus, out)
    }

    /// Every call's attempts are 1, 2, … in order; a call planned to fail `f` times took `min(f + 1, 3)` attempts.
    /// (A request libcurl sent again on a fresh connection after a reset on a reused one is the same attempt.)
    static func expectStandardRetries(_ front: FaultyUpstream, plan: FaultyUpstream.Plan) {
        let byCall = Dictionary(grouping: front.attempts, by: \.call)
        for (call, attempts) in byCall {
            let numbers = attempts.map(\.attempt).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
            #expect(numbers == Array(1...numbers.count), "call \(call): \(attempts)")
            // moto itself answers some operations with a retryable HTML 500: only planned calls have an exact count.
            if let failures = plan[call]?.failures {
                #expect(
                    numbers.count == min(failures + 1, 3),
                    "call \(call) planned to fail \(failures) time(s): \(attempts)"
                )
            } else {
                #expect(numbers.count <= 3, "call \(call): \(attempts)")
            }
            #expect(Set(attempts.map(\.target)).count == 1, "a call's attempts are one operation: \(attempts)")
        }
    }

    static func record(_ front: FaultyUpstream, moto: MotoServer, into output: URL) -> [String] {
        [
            "record", "--endpoint-url", front.endpointURL, "--region", MotoServer.region, "--source",
            "mock:moto@\(moto.version)",
            "--output", output.path, "--poll-delay", "0", "--catalog", PackageRoot.path("Contracts").path,
        ] + scenarios.flatMap { ["--scenario", $0] }
    }

    static func live(_ front: FaultyUpstream, baseline: URL, output: URL) -> [String] {
        [
            "live", "--endpoint-url", front.endpointURL, "--region", MotoServer.region, "--source", "mock:fault-test@1",
            "--instance-id", "i-0123456789abcdef0", "--poll-delay", "0", "--baseline", baseline.path, "--output",
            output.path,
        ]
            + scenarios.flatMap { ["--scenario", $0] }
    }

    @Test(.timeLimit(.minutes(3))) func faultsThatRetriesOvercomeChangeNothing() async throws {
        let folder = try KillNineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every fault kind, each failing one or two attempts: the third attempt at the latest gets through.
        let plan: FaultyUpstream.Plan = [
            0: .init(.throttle, failures: 2), 1: .init(.reset, failures: 1), 2: .init(.unavailable, failures: 2),
            3: .init(.internalError, failures: 1), 5: .init(.reset, failures: 2),
        ]
        try await MotoServer.withMotoServer { moto in
            try await FaultyUpstream.withUpstream(forwardingTo: moto.endpointURL, plan: plan) { front in
                let output = folder.appendingPathComponent("recorded")
                let recorded = try Self.run(Self.record(front, moto: moto, into: output), in: folder)
                #expect(recorded.status == 0, "\(recorded.out)")
                Self.expectStandardRetries(front, plan: plan)
                for name in Self.scenarios {
                    _ = try Cassette.load(from: output.appendingPathComponent("\(name).json"))
                }
                #expect(!recorded.out.lowercased().contains("inconclusive"), "\(recorded.out)")
            }
            try await FaultyUpstream.withUpstream(forwardingTo: moto.endpointURL, plan: plan) { front in
                let result = try Self.run(
                    Self.live(
                        front,
                        baseline: folder.appendingPathComponent("none"),
                        output: folder.appendingPathComponent("fresh")
                    ),
                    in: folder
                )
                Self.expectStandardRetries(front, plan: plan)
                #expect(result.status == 0, "\(result.out)")
                #expect(result.out.contains("contracts hold"), "\(result.out)")
            }
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: FaultyUpstream.Fault.allCases)
    func aCallFailingAfterItsLastAttemptIsInconclusiveNotAViolation(fault: FaultyUpstream.Fault) async throws {
        let folder = try KillNineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A seeded plan of recoverable faults, and call 1 failing all three attempts.
        var plan = FaultyUpstream.plan(seed: 0x0F17 ^ UInt64(fault.rawValue.count), calls: 12, rate: 0.15).mapValues {
            FaultyUpstream.CallFaults($0.fault, failures: min($0.failures, 2))
        }
        plan[1] = .init(fault, failures: 3)
        try await MotoServer.withMotoServer { moto in
            try await FaultyUpstream.withUpstream(forwardingTo: moto.endpointURL, plan: plan) { front in
                let result = try Self.run(
                    Self.live(
                        front,
                        baseline: folder.appendingPathComponent("none"),
                        output: folder.appendingPathComponent("fresh")
                    ),
                    in: folder
                )
                Self.expectStandardRetries(front, plan: plan)
                #expect(Set(front.attempts.filter { $0.call == 1 }.map(\.attempt)) == [1, 2, 3])
                #expect(result.status != 1 && result.status != 70, "exit \(result.status): \(result.out)")
                #expect(result.status == 4, "an inconclusive run exits 4: \(result.out)")
                #expect(result.out.lowercased().contains("inconclusive"), "\(result.out)")
                #expect(!result.out.contains("a contract failed"), "\(result.out)")
            }
            try await FaultyUpstream.withUpstream(forwardingTo: moto.endpointURL, plan: plan) { front in
                let output = folder.appendingPathComponent("recorded")
                let recorded = try Self.run(Self.record(front, moto: moto, into: output), in: folder)
                Self.expectStandardRetries(front, plan: plan)
                #expect(
                    recorded.status != 0 && recorded.status != 1 && recorded.status != 70,
                    "exit \(recorded.status): \(recorded.out)"
                )
                #expect(recorded.out.lowercased().contains("inconclusive"), "\(recorded.out)")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
                where name.hasSuffix(".json") {
                    _ = try Cassette.load(from: output.appendingPathComponent(name))
                }
            }
        }
    }
}
