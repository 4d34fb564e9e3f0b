import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if os(Linux)
/// Counts file-system events (create, close after writing, rename, delete) in folders, through Linux inotify:
/// the kill tests stop a process after its k-th observable step instead of after a guessed delay.
final class FolderEvents {
    private let descriptor: Int32

    /// Watches `folders` (each must exist).
    init(_ folders: [URL]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw FolderEventsError(description: "inotify_init1 failed (errno \(errno))") }
        let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE)
        for folder in folders where inotify_add_watch(descriptor, folder.path, mask) < 0 {
            close(descriptor)
            throw FolderEventsError(description: "cannot watch \(folder.path) (errno \(errno))")
        }
    }

    deinit { close(descriptor) }

    /// Waits until `count` events arrived in total (returns true), or `isDone()` holds, or `limit` seconds pass
    /// without a new event (returns false).
    func wait(forTotal count: Int, limit: Double = 20, isDone: () -> Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while seen < count {
            if isDone() { return drain(into: &buffer) >= count }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Short slices so a process that exits without further events is noticed promptly.
            let ready = poll(&poller, 1, 50)
            if ready < 0 && errno != EINTR { return false }
            if ready > 0 { lastEvent = Date() }
            _ = drain(into: &buffer)
            if Date().timeIntervalSince(lastEvent) > limit { return false }
        }
        return true
    }

    /// Every event that arrived so far.
    var total: Int {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        return drain(into: &buffer)
    }

    private var seen = 0
    private var lastEvent = Date()

    private func drain(into buffer: inout [UInt8]) -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { return seen }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let length = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: inotify_event.self).len }
                offset += MemoryLayout<inotify_event>.size + Int(length)
                seen += 1
            }
        }
    }
}
#else
/// inotify is Linux's: elsewhere the kill tests cannot count a process's steps, and fail saying so (never guess a
/// delay instead).
final class FolderEvents {
    init(_ folders: [URL]) throws {
        throw FolderEventsError(
            description: "FolderEvents counts file-system events with Linux inotify; the kill -9 tests run on Linux"
        )
    }

    func wait(forTotal count: Int, limit: Double = 20, isDone: () -> Bool) -> Bool { false }

    var total: Int { 0 }
}
#endif
