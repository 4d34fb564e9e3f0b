import Cassettes
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kill -9` of `ssm-contract record` and of `ssm-contract live --update-baseline` at seeded random points, against
/// the real moto server: after every kill each cassette, and the baseline folder, holds the old recording or a
/// new complete one, never a torn one.
///
/// Kill points are counted in observable steps, not guessed delays: a calibration run counts the file-system
/// events (files created, closed after writing, renamed, deleted) the command makes in the folders it writes;
/// each trial then kills the process right after a seeded random number of those events (0 = at once, the
/// total = after it finished writing).
@Suite(.serialized) struct KillNineTests {
    static let kills = 100
    static let seed: UInt64 = 0x5EED_0009_0010

    static var binary: URL { BuiltProducts.ssmContractLocation }

    static func environment() -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": MotoServer.accessKeyID, "AWS_SECRET_ACCESS_KEY": MotoServer.secretAccessKey,
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "SSM_CONTRACT_VENV": PythonTools.venv.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    static func start(_ arguments: [String], in folder: URL, gate: WriteGate? = nil) throws -> Process {
        try start(arguments, in: folder, output: false, gate: gate).process
    }

    /// Starts `ssm-contract` in `folder`; with `output`, standard output and error go to the returned pipe; with
    /// `gate`, every file write stops at its checkpoints until the gate lets it go on.
    static func start(
        _ arguments: [String],
        in folder: URL,
        output: Bool,
        gate: WriteGate? = nil
    ) throws -> (process: Process, output: Pipe?) {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = environment()
        if let gate { environment[AtomicFile.writeGateVariable] = gate.path }
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        let pipe = output ? Pipe() : nil
        process.standardOutput = pipe ?? FileHandle.nullDevice
        process.standardError = pipe ?? FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    /// Runs the command to its end while counting its events; returns the count (the status must be 0).
    static func calibrate(_ arguments: [String], in folder: URL, watching folders: [URL]) throws -> Int {
        let events = try FolderEvents(folders)
        let process = try start(arguments, in: folder)
        let exit = ProcessExit.wait(for: process)
        try #require(exit == .exited(0), "ssm-contract \(arguments.joined(separator: " ")) ended: \(exit)")
        return events.total
    }

    /// Starts the command, kills it (SIGKILL) after `events` events in `folders`; true when it was killed (not
    /// finished before).
    static func killed(_ arguments: [String], in folder: URL, watching folders: [URL], after events: Int) throws -> Bool
    {
        let watch = try FolderEvents(folders)
        let process = try start(arguments, in: folder)
        _ = watch.wait(forTotal: events) { !process.isRunning }
        kill(process.processIdentifier, SIGKILL)
        return ProcessExit.wait(for: process) == .signaled(SIGKILL)
    }

    /// Runs the command with the write gate: lets every checkpoint pass, or kills the process (SIGKILL) at
    /// checkpoint number `killAt` (0-based) while it is stopped there. Returns the checkpoints it reached, in order
    /// (the last is where it was killed); a run not killed must exit 0.
    static func gatedRun(_ arguments: [String], in folder: URL, killAt: Int?) throws -> [String] {
        let gate = try WriteGate()
        let process = try start(arguments, in: folder, gate: gate)
        var reached: [String] = []
        while let checkpoint = gate.next(isDone: { !process.isRunning }) {
            reached.append(checkpoint)
            if reached.count - 1 == killAt {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            gate.release()
        }
        let exit = ProcessExit.wait(for: process)
        if killAt == nil {
            try #require(exit == .exited(0), "ssm-contract \(arguments.joined(separator: " ")) ended: \(exit)")
        } else {
            try #require(exit == .signaled(SIGKILL), "it ended before checkpoint \(killAt!): \(exit)")
        }
        return reached
    }

    /// Runs the command `count` times, killing it at checkpoint 0, 1, … in turn (``gatedRun(_:in:killAt:)``),
    /// and hands `judge` where it was killed and the cassettes then in `cassettes`. A cassette that does not load
    /// is recorded as an issue; returns how many kills left one.
    static func killAtEachCheckpoint(
        _ count: Int,
        arguments: () throws -> [String],
        in folder: URL,
        reading cassettes: URL,
        _ judge: (_ at: String, _ now: [String: String]) -> Void
    ) throws -> Int {
        var torn = 0
        for point in 0..<count {
            let at = try gatedRun(try arguments(), in: folder, killAt: point).last.map(describe) ?? "?"
            do {
                judge(at, try self.cassettes(in: cassettes))
            } catch {
                torn += 1
                Issue.record(
                    "killed at checkpoint \(point) (\(at)): a cassette in \(cassettes.path) does not load: \(error)"
                )
            }
        }
        return torn
    }

    /// Every visible cassette in `folder`, loaded (a torn file fails the test here), by file name → recordedAt.
    static func cassettes(in folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".json") && !name.hasPrefix(".") {
            result[name] = try Cassette.load(from: folder.appendingPathComponent(name)).header.recordedAt
        }
        return result
    }

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kill-nine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Two quick scenarios whose moto answers hold every contract (no known deviation needed): the first pair the
    /// binary's `record --help` names (the scenario catalog is being reworked; the second pair is its names).
    static let scenarios: [String] = {
        let help = (try? helpText(["record", "--help"])) ?? ""
        let choices = [["get-command-invocation-errors", "list-commands"], ["error-probes", "list-filters"]]
        return choices.first { $0.allSatisfy(help.contains) } ?? choices[0]
    }()
    static var scenarioArguments: [String] { scenarios.flatMap { ["--scenario", $0] } }
    static var expectedNames: Set<String> { Set(scenarios.map { "\($0).json" }) }

    /// `record` of the two scenarios into `output` against `moto` (with `--force`: record refuses to overwrite
    /// cassettes without it).
    static func recordArguments(_ moto: MotoServer, output: URL) -> [String] {
        [
            "record", "--endpoint-url", moto.endpointURL, "--region", MotoServer.region,
            "--source", "mock:moto@\(moto.version)", "--output", output.path, "--poll-delay", "0",
            "--catalog", PackageRoot.path("Contracts").path, "--force",
        ] + scenarioArguments
    }

    /// `live --update-baseline` of the two scenarios against `moto` into `output`, with a label without known
    /// deviations: every contract must hold over these scenarios for the update.
    static func liveArguments(_ moto: MotoServer, baseline: URL, output: URL) -> [String] {
        [
            "live", "--endpoint-url", moto.endpointURL, "--region", MotoServer.region,
            "--source", "mock:kill-test@1", "--instance-id", "i-0123456789abcdef0", "--poll-delay", "0",
            "--baseline", baseline.path, "--output", output.path, "--update-baseline",
        ] + scenarioArguments
    }

    /// The folders of a live test under `folder`: the baselines' parent, the runs' outputs, and the baseline.
    static func liveFolders(in folder: URL) throws -> (parent: URL, runs: URL, baseline: URL) {
        let parent = folder.appendingPathComponent("baselines")
        let runs = folder.appendingPathComponent("runs")
        for path in [parent, runs] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        }
        return (parent, runs, parent.appendingPathComponent("kill-test"))
    }

    @Test(.timeLimit(.minutes(5))) func killingRecordLeavesEveryCassetteOldOrNew() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try await MotoServer.withMotoServer { moto in
            let arguments = Self.recordArguments(moto, output: output)
            let steps = try Self.calibrate(arguments, in: folder, watching: [output])
            var previous = try Self.cassettes(in: output)
            #expect(Set(previous.keys) == Self.expectedNames)
            var random = SeededRandom(seed: Self.seed)
            var (killed, replaced) = (0, 0)
            for trial in 0..<Self.kills {
                let point = Int.random(in: 0...steps, using: &random)
                if try Self.killed(arguments, in: folder, watching: [output], after: point) { killed += 1 }
                let now = try Self.cassettes(in: output)
                #expect(
                    Set(now.keys) == Self.expectedNames,
                    "trial \(trial) (kill after \(point) of \(steps) steps): \(now.keys.sorted())"
                )
                for (name, recordedAt) in now {
                    let old = try #require(previous[name])
                    #expect(recordedAt >= old, "trial \(trial): \(name) went back from \(old) to \(recordedAt)")
                    if recordedAt != old { replaced += 1 }
                }
                previous = now
            }
            print(
                "kill -9 of record: \(Self.kills) kills at seeded points of \(steps) file steps; \(killed) killed mid-run; "
                    + "\(replaced) cassette replacements; every cassette loaded after every kill"
            )
            #expect(killed >= Self.kills / 2, "most kills must land while record runs")
            #expect(replaced > 0, "some kills must land after a cassette was replaced")
        }
    }

    @Test(.timeLimit(.minutes(5))) func killingLiveUpdateBaselineLeavesTheOldOrTheNewBaseline() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (parent, runs, baseline) = try Self.liveFolders(in: folder)
        try await MotoServer.withMotoServer { moto in
            var run = 0
            func arguments() throws -> (arguments: [String], output: URL) {
                run += 1
                let output = runs.appendingPathComponent("\(run)")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                return (Self.liveArguments(moto, baseline: baseline, output: output), output)
            }
            let first = try arguments()
            _ = try Self.calibrate(first.arguments, in: folder, watching: [parent])
            let second = try arguments()
            let steps = try Self.calibrate(second.arguments, in: folder, watching: [parent, second.output])
            var previous = try Self.cassettes(in: baseline)
            #expect(Set(previous.keys) == Self.expectedNames)
            var random = SeededRandom(seed: Self.seed ^ 0x11FE)
            var (killed, replaced) = (0, 0)
            for trial in 0..<Self.kills {
                let point = Int.random(in: 0...steps, using: &random)
                let next = try arguments()
                if try Self.killed(next.arguments, in: folder, watching: [parent, next.output], after: point) {
                    killed += 1
                }
                let now = try Self.cassettes(in: baseline)
                #expect(
                    Set(now.keys) == Self.expectedNames,
                    "trial \(trial) (kill after \(point) of \(steps) steps): \(now.keys.sorted())"
                )
                let changed = now.filter { previous[$0.key] != $0.value }.count
                #expect(
                    changed == 0 || changed == now.count,
                    "trial \(trial): \(changed) of \(now.count) cassettes are new: a torn baseline"
                )
                #expect(
                    !FileManager.default.fileExists(atPath: baseline.path + ".previous"),
                    "trial \(trial): the baseline was moved aside"
                )
                if changed > 0 { replaced += 1 }
                previous = now
            }
            // A complete run afterwards removes what killed runs left (their staging folders).
            _ = try Self.calibrate(try arguments().arguments, in: folder, watching: [parent])
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["kill-test"])
            print(
                "kill -9 of live --update-baseline: \(Self.kills) kills at seeded points of \(steps) file steps; \(killed) killed mid-run; "
                    + "\(replaced) baseline replacements; the baseline was whole (old or new) after every kill"
            )
            #expect(killed >= Self.kills / 2, "most kills must land while live runs")
            #expect(replaced > 0, "some kills must land after the baseline was replaced")
        }
    }

    /// The checkpoint's kind and file name (`partly-written list-commands.json`), for messages.
    static func describe(_ checkpoint: String) -> String {
        let parts = checkpoint.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? "\(parts[0]) \((String(parts[1]) as NSString).lastPathComponent)" : checkpoint
    }

    /// `record` killed inside each of its file writes in turn (write gate: half the bytes written; complete and
    /// flushed, not yet renamed): every cassette still loads and is the old recording or a newer one. Writing in
    /// place would leave a torn cassette at each "partly-written" kill.
    @Test(.timeLimit(.minutes(5))) func killingRecordInsideEachWriteLeavesEveryCassetteOldOrNew() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try await MotoServer.withMotoServer { moto in
            let arguments = Self.recordArguments(moto, output: output)
            let checkpoints = try Self.gatedRun(arguments, in: folder, killAt: nil)
            let cassetteWrites = checkpoints.filter { $0.hasPrefix("partly-written ") && $0.hasSuffix(".json") }
            try #require(cassetteWrites.count >= Self.expectedNames.count, "checkpoints: \(checkpoints)")
            var previous = try Self.cassettes(in: output)
            #expect(Set(previous.keys) == Self.expectedNames)
            var replaced = 0
            let torn = try Self.killAtEachCheckpoint(
                checkpoints.count,
                arguments: { arguments },
                in: folder,
                reading: output
            ) {
                at,
                now in
                #expect(Set(now.keys) == Self.expectedNames, "killed at \(at): \(now.keys.sorted())")
                for (name, recordedAt) in now {
                    guard let old = previous[name] else { continue }
                    #expect(recordedAt >= old, "killed at \(at): \(name) went back from \(old) to \(recordedAt)")
                    if recordedAt != old { replaced += 1 }
                }
                previous = now
            }
            print(
                "kill -9 of record inside each write: \(checkpoints.count) kills, one at each checkpoint of a run "
                    + "(\(checkpoints.map(Self.describe).joined(separator: ", "))); \(torn) torn; "
                    + "\(replaced) cassette replacements"
            )
            #expect(replaced > 0, "the kills after a rename must find the new cassette")
        }
    }

    /// `live --update-baseline` killed inside each of its file writes in turn (its fresh cassettes, the staging
    /// folder's copies): the baseline is the old one or the new one, whole, after every kill. Writing the baseline
    /// in place would leave it torn (a half-written cassette) or mixed (some cassettes new, some old).
    @Test(.timeLimit(.minutes(5))) func killingLiveUpdateBaselineInsideEachWriteLeavesTheOldOrTheNewBaseline()
        async throws
    {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (parent, runs, baseline) = try Self.liveFolders(in: folder)
        try await MotoServer.withMotoServer { moto in
            var run = 0
            func arguments() throws -> [String] {
                run += 1
                let output = runs.appendingPathComponent("\(run)")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                return Self.liveArguments(moto, baseline: baseline, output: output)
            }
            // The first run creates the baseline; the second, counted, replaces it.
            _ = try Self.gatedRun(try arguments(), in: folder, killAt: nil)
            let checkpoints = try Self.gatedRun(try arguments(), in: folder, killAt: nil)
            // Each scenario's cassette is written at least twice: into the run's output folder, and for the baseline.
            let cassetteWrites = checkpoints.filter { checkpoint in
                checkpoint.hasPrefix("partly-written ")
                    && Self.expectedNames.contains((checkpoint as NSString).lastPathComponent)
            }
            try #require(cassetteWrites.count >= 2 * Self.expectedNames.count, "checkpoints: \(checkpoints)")
            var previous = try Self.cassettes(in: baseline)
            #expect(Set(previous.keys) == Self.expectedNames)
            var (mixed, replaced) = (0, 0)
            let torn = try Self.killAtEachCheckpoint(
                checkpoints.count,
                arguments: arguments,
                in: folder,
                reading: baseline
            ) {
                at,
                now in
                #expect(Set(now.keys) == Self.expectedNames, "killed at \(at): \(now.keys.sorted())")
                let changed = now.filter { previous[$0.key] != $0.value }.count
                if changed != 0 && changed != now.count { mixed += 1 }
                #expect(
                    changed == 0 || changed == now.count,
                    "killed at \(at): \(changed) of \(now.count) cassettes are new: a mixed baseline"
                )
                if changed > 0 { replaced += 1 }
                previous = now
            }
            // A complete run afterwards removes what the killed runs left (their staging folders).
            _ = try Self.gatedRun(try arguments(), in: folder, killAt: nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["kill-test"])
            print(
                "kill -9 of live --update-baseline inside each write: \(checkpoints.count) kills, one at each "
                    + "checkpoint of a run; \(torn) left a torn baseline, \(mixed) a mixed one; \(replaced) baseline replacements"
            )
        }
    }

    /// What `ssm-contract ARGUMENTS` prints on standard output.
    static func helpText(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}
