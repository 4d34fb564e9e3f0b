import Foundation
import TestSupport
import Testing

@testable import ContractRunners

/// The servers' entry in the one runner shape: `ready` gets the startup line as soon as they listen, `until`
/// decides when they stop, and the outcome is the summary and the exit status the command prints and exits with.
@Suite(.timeLimit(.minutes(1))) struct RunnerShapeTests {
    @Test func serveAnnouncesItselfThenStopsWhenUntilReturnsAndReportsTheSummary() async throws {
        var options = ServeRunner.Options()
        options.paths = [PackageRoot.path("Recordings/aws-docs").path]
        let lines = LineCollector()
        options.ready = { lines.append($0) }
        options.until = { lines.append("until") }
        let outcome = try await ServeRunner.run(options)
        let events = lines.all
        #expect(events.count == 2 && events.first?.hasPrefix("serving ") == true && events.last == "until")
        #expect(events.first?.contains("— point an SDK at it with --endpoint-url http://127.0.0.1:") == true)
        #expect(outcome.text == outcome.summary.text)
        #expect(outcome.exitStatus == .success)  // no request, so no miss

        options.strict = true  // every recorded interaction unused: strict makes that a violation
        #expect(try await ServeRunner.run(options).exitStatus == .violation)
    }

    @Test func emulateAnnouncesItselfThenStopsWhenUntilReturnsAndReportsTheSummary() async throws {
        var options = EmulateRunner.Options()
        let lines = LineCollector()
        options.ready = { lines.append($0) }
        options.until = { lines.append("until") }
        let outcome = try await EmulateRunner.run(options)
        let events = lines.all
        #expect(events.count == 2 && events.first?.hasPrefix("emulating 1 instance on http://127.0.0.1:") == true)
        #expect(events.last == "until")
        #expect(outcome.text == "emulated 0 commands (0 invocations) for 0 requests\n")
        #expect(outcome.exitStatus == .success)
    }

    @Test func aServerThatCannotStartNeverCallsReadyOrUntil() async throws {
        var options = ServeRunner.Options()
        options.paths = ["/no/such/cassettes"]
        let lines = LineCollector()
        options.ready = { lines.append($0) }
        options.until = { lines.append("until") }
        await #expect {
            _ = try await ServeRunner.run(options)
        } throws: { error in
            (error as? RunnerError)?.status == .badInput
        }
        #expect(lines.all.isEmpty)
    }
}
