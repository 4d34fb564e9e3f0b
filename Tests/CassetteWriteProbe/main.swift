// cassette-write-probe: saves large cassettes so a test can SIGKILL it mid-write and check that the destination
// always holds a complete cassette (the old one or a new one), never a torn one.
//
//   cassette-write-probe once VERSION PATH          write version VERSION to PATH once
//   cassette-write-probe loop PATH FIRST COUNT      write versions FIRST..<FIRST+COUNT to PATH, printing
//                                                    "saving N" before and "saved N" after each save
//   cassette-write-probe stop-at CHECKPOINT VERSION PATH
//                                                    write VERSION, but at CHECKPOINT (partly-written, flushed)
//                                                    print "at CHECKPOINT" and wait for stdin to close
import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// The cassette for `version`: every interaction carries the version, so a torn file cannot pass for a whole one.
func probeCassette(version: Int) -> Cassette {
    // About 2 MB: large enough that a free-running kill sometimes lands inside a write.
    let padding = String(repeating: "v\(version)-", count: 15_000)
    let interactions = (0..<40).map { i in
        Interaction(
            request: RecordedRequest(
                method: "POST",
                url: "http://127.0.0.1/",
                headers: ["X-Amz-Target": "AmazonSSM.GetCommandInvocation"],
                body: .json(["CommandId": .string("version-\(version)-\(i)")])
            ),
            response: RecordedResponse(
                status: 200,
                headers: ["Content-Type": "application/x-amz-json-1.1"],
                body: .text(padding)
            ),
            startedAt: "2026-11-21T07:40:00.000Z",
            duration: Double(version)
        )
    }
    return Cassette(
        header: CassetteHeader(
            source: .synthetic,
            recordedAt: "2026-11-21T07:40:00.000Z",
            description: "write probe version \(version)"
        ),
        interactions: interactions
    )
}

/// Writes a line to stdout unbuffered, so the test reads it before the next save starts.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("cassette-write-probe: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("once", 3):
    guard let version = Int(arguments[arguments.startIndex + 1]) else { fail("VERSION must be an integer") }
    do { try probeCassette(version: version).save(to: URL(fileURLWithPath: arguments[arguments.startIndex + 2])) } catch
    { fail("\(error)") }
case ("loop", 4):
    let path = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
    guard let first = Int(arguments[arguments.startIndex + 2]), let count = Int(arguments[arguments.startIndex + 3])
    else {
        fail("FIRST and COUNT must be integers")
    }
    for version in first..<(first + count) {
        // Serialize first, so that a kill right after "saving N" lands in the write itself (what
        // `Cassette.save` does: `AtomicFile.write(fileData, to:)`).
        let data = probeCassette(version: version).fileData
        say("saving \(version)")
        do { try AtomicFile.write(data, to: path) } catch { fail("\(error)") }
        say("saved \(version)")
    }
case ("stop-at", 4):
    let rest = Array(arguments.dropFirst())
    guard let stop = AtomicFile.Checkpoint(rawValue: rest[0]), let version = Int(rest[1]) else {
        fail("CHECKPOINT must be partly-written or flushed, VERSION an integer")
    }
    let data = probeCassette(version: version).fileData
    do {
        try AtomicFile.write(data, to: URL(fileURLWithPath: rest[2])) { checkpoint in
            guard checkpoint == stop else { return }
            say("at \(checkpoint.rawValue)")
            _ = readLine()  // the test kills the probe here; it never writes to stdin
        }
    } catch { fail("\(error)") }
default:
    fail("usage: cassette-write-probe once VERSION PATH | loop PATH FIRST COUNT | stop-at CHECKPOINT VERSION PATH")
}
