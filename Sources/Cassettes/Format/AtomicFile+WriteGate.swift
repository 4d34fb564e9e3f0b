import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

extension AtomicFile {
    /// The environment variable that stops every ``write(_:to:)`` of the process at each ``Checkpoint`` until a
    /// test lets it go on: the kill -9 tests (`KillNineTests`) kill `record` and `live` at exactly those points.
    ///
    /// Its value is a path prefix `GATE` of two named pipes the test made and holds open: at each checkpoint the
    /// writer writes one line `CHECKPOINT PATH` (`partly-written /tmp/x/list-commands.json`) to `GATE.at`, then
    /// waits for one byte on `GATE.go`. When the pipes cannot be opened the writer does not stop. Never set it
    /// outside such a test: without a reader giving the go, every write waits.
    package static let writeGateVariable = "SSM_CONTRACT_TEST_WRITE_GATE"

    /// The checkpoint callback the environment asks for: the gate of ``writeGateVariable``, or none.
    static func checkpointFromEnvironment(for url: URL) -> ((Checkpoint) -> Void)? {
        guard let gate = ProcessInfo.processInfo.environment[writeGateVariable], !gate.isEmpty else { return nil }
        return { checkpoint in waitAtGate(gate, checkpoint: checkpoint, file: url) }
    }

    /// Announces `checkpoint` of the write to `file` on `GATE.at` and waits for the go on `GATE.go`.
    static func waitAtGate(_ gate: String, checkpoint: Checkpoint, file: URL) {
        let line = Array("\(checkpoint.rawValue) \(file.path)\n".utf8)
        let announce = open(gate + ".at", O_WRONLY)
        guard announce >= 0 else { return }
        // One line of at most PIPE_BUF bytes: written whole, never interleaved with another writer's.
        _ = line.withUnsafeBytes { systemWrite(announce, $0.baseAddress, $0.count) }
        close(announce)
        let go = open(gate + ".go", O_RDONLY)
        guard go >= 0 else { return }
        var byte: UInt8 = 0
        while systemRead(go, &byte, 1) < 0, errno == EINTR {}
        close(go)
    }
}
