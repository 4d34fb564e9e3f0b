import Cassettes
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kills a real process while it saves cassettes, and checks the destination is always whole.
@Suite(.serialized) struct AtomicWriteTests {
    /// The `cassette-write-probe` executable built beside the test binary.
    static func probe() throws -> URL { try BuiltProducts.executable("cassette-write-probe") }

    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = try probe()
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "cassette-write-probe \(arguments) exited \(process.terminationStatus)"
        )
    }

    /// Reads whole lines from `handle` until `count` lines arrived (or end of file).
    static func readLines(_ count: Int, from handle: FileHandle) -> [String] {
        var buffer = Data()
        var lines: [String] = []
        while lines.count < count {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A), lines.count < count {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        return lines
    }

    @Test(.timeLimit(.minutes(5)))
    func killingARecordingMidWriteLeavesThePreviousOrANewCompleteCassette() async throws {
        try await withTemporaryFolder { folder in
            let destination = folder.appendingPathComponent("large.json")
            try Self.run(["once", "0", destination.path])
            var previous = 0
            var outcomes: [String] = []
            var killedMidWrite = 0
            for (round, linesBeforeKill) in [1, 2, 3, 4, 5, 6, 7, 9, 11].enumerated() {
                let first = (round + 1) * 100
                let process = Process()
                process.executableURL = try Self.probe()
                process.arguments = ["loop", destination.path, "\(first)", "50"]
                let output = Pipe()
                process.standardOutput = output
                try process.run()
                let lines = Self.readLines(linesBeforeKill, from: output.fileHandleForReading)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(
                    process.terminationReason == .uncaughtSignal,
                    "the probe finished before it was killed; make its cassettes larger"
                )

                let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                    $0.hasPrefix(AtomicFile.temporaryPrefix(for: destination))
                }
                if !leftovers.isEmpty { killedMidWrite += 1 }
                let loaded = try Cassette.load(from: destination)
                let description = try #require(loaded.header.description)
                let version = try #require(Int(description.replacingOccurrences(of: "write probe version ", with: "")))
                let lastStarted = lines.last { $0.hasPrefix("saving ") }.flatMap { Int($0.dropFirst(7)) } ?? previous
                let lastSaved = lines.last { $0.hasPrefix("saved ") }.flatMap { Int($0.dropFirst(6)) } ?? previous
                #expect(
                    version == previous || (lastSaved...lastStarted).contains(version),
                    "found version \(version) after \(lines)"
                )
                let reference = folder.appendingPathComponent("reference.json")
                try Self.run(["once", "\(version)", reference.path])
                #expect(
                    try Data(contentsOf: destination) == Data(contentsOf: reference),
                    "version \(version) is not byte-identical to a complete save"
                )
                outcomes.append("killed after \(lines.last ?? "nothing"): holds version \(version)")
                previous = version
            }
            print(
                outcomes.joined(separator: "\n")
                    + "\n\(killedMidWrite) of \(outcomes.count) kills landed mid-write (a temporary file was left)"
            )
            // A later save removes the temporary files the killed writers left behind (their pids are dead).
            try Cassette(header: CassetteHeader(source: .synthetic, recordedAt: "2026-11-21T07:40:00.000Z")).save(
                to: destination
            )
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasPrefix(AtomicFile.temporaryPrefix(for: destination))
            }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: ["partly-written", "flushed"])
    func killingAWriterStoppedInsideTheWriteKeepsThePreviousCassette(checkpoint: String) async throws {
        try await withTemporaryFolder { folder in
            let destination = folder.appendingPathComponent("large.json")
            try Self.run(["once", "1", destination.path])
            let before = try Data(contentsOf: destination)
            let process = Process()
            process.executableURL = try Self.probe()
            process.arguments = ["stop-at", checkpoint, "2", destination.path]
            let output = Pipe()
            let input = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            #expect(Self.readLines(1, from: output.fileHandleForReading) == ["at \(checkpoint)"])
            let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasPrefix(AtomicFile.temporaryPrefix(for: destination))
            }
            #expect(temporaries.count == 1, "the writer is inside its temporary file")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(try Data(contentsOf: destination) == before, "the destination still holds version 1, byte for byte")
            #expect(try Cassette.load(from: destination).header.description == "write probe version 1")
            // The next save removes the dead writer's temporary file and lands complete.
            try Self.run(["once", "3", destination.path])
            #expect(try Cassette.load(from: destination).header.description == "write probe version 3")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["large.json"])
        }
    }

    @Test func temporariesOfLiveProcessesAndForeignFilesAreLeftAlone() async throws {
        try await withTemporaryFolder { folder in
            let destination = folder.appendingPathComponent("c.json")
            let prefix = AtomicFile.temporaryPrefix(for: destination)
            let names = [
                "\(prefix)\(getpid())-42", "\(prefix)notapid-1", ".other.json.tmp-999999-1", "\(prefix)2147483646-7",
            ]
            for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
            let removed = AtomicFile.removeStaleTemporaries(for: destination)
            #expect(removed == ["\(prefix)2147483646-7"])
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == Set(names.dropLast()))
        }
    }
}
