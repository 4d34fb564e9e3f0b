import Cassettes
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The test's side of `AtomicFile`'s write gate (`SSM_CONTRACT_TEST_WRITE_GATE`): two named pipes in a scratch
/// folder, held open while a process writes; each file write of the process stops at its checkpoints
/// (half the bytes written; complete and flushed, before the rename) until the test lets it go on, so a kill
/// lands at exactly one of them.
final class WriteGate {
    /// The value of `SSM_CONTRACT_TEST_WRITE_GATE` for the process under test.
    let path: String
    private let folder: URL
    private let announcements: Int32
    private let go: Int32
    private var buffer: [UInt8] = []

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("write-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("gate").path
        for suffix in [".at", ".go"] where mkfifo(path + suffix, 0o600) != 0 {
            throw FolderEventsError(description: "mkfifo \(path + suffix) failed (errno \(errno))")
        }
        // Read-write, so neither open waits for the other side, and the pipes stay open between writers.
        announcements = open(path + ".at", O_RDWR | O_NONBLOCK | O_CLOEXEC)
        go = open(path + ".go", O_RDWR | O_CLOEXEC)
        guard announcements >= 0, go >= 0 else {
            throw FolderEventsError(description: "cannot open the write gate's pipes (errno \(errno))")
        }
    }

    deinit {
        close(announcements)
        close(go)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The next checkpoint a writer stopped at (`partly-written /…/list-commands.json`), or nil when `isDone()`
    /// holds first (the process ended without writing again).
    func next(isDone: () -> Bool) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(announcements, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer += chunk[..<n]
                continue
            }
            if isDone() { return nil }
            var poller = pollfd(fd: announcements, events: Int16(POLLIN), revents: 0)
            // Short slices so a process that ends without another write is noticed promptly.
            _ = poll(&poller, 1, 50)
        }
    }

    /// Lets the stopped writer go on.
    func release() {
        var byte: UInt8 = 1
        _ = write(go, &byte, 1)
    }
}
