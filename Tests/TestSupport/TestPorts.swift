import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP port that is bound but not listening, so connecting to it is refused; the port stays
/// reserved (no other test can take it) until `body` returns.
public func withRefusingPort<R>(_ body: (Int) async throws -> R) async throws -> R {
    let socket = try BoundSocket(listenBacklog: nil)
    defer { socket.close() }
    return try await body(socket.port)
}

/// A loopback TCP port whose accept queue is full (listening with backlog 0, connections parked and never
/// accepted): further handshakes get no answer, so clients hit their connect timeout.
public func withUnansweredPort<R>(_ body: (Int) async throws -> R) async throws -> R {
    let listener = try BoundSocket(listenBacklog: 0)
    defer { listener.close() }
    let accepted = try BoundSocket.connect(to: listener.port, blocking: true)
    defer { closeDescriptor(accepted) }
    let waiting = try BoundSocket.connect(to: listener.port, blocking: false)
    defer { closeDescriptor(waiting) }
    return try await body(listener.port)
}

/// A socket bound to 127.0.0.1 on a free port.
struct BoundSocket {
    let fd: Int32
    let port: Int

    init(listenBacklog: Int32?) throws {
        let fd = openStreamSocket()
        guard fd >= 0 else { throw SocketError("socket() failed: errno \(errno)") }
        var address = loopbackAddress(port: 0)
        guard bindSocket(fd, to: address) == 0 else {
            closeDescriptor(fd)
            throw SocketError("bind() failed: errno \(errno)")
        }
        if let listenBacklog, listenOnSocket(fd, backlog: listenBacklog) != 0 {
            closeDescriptor(fd)
            throw SocketError("listen() failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connect from a new socket; a blocking one completes at once on loopback while the queue has room,
    /// a non-blocking one may stay in progress.
    static func connect(to port: Int, blocking: Bool) throws -> Int32 {
        let fd = openStreamSocket(nonBlocking: !blocking)
        let rc = connectSocket(fd, to: loopbackAddress(port: port))
        guard rc == 0 || (!blocking && errno == EINPROGRESS) else {
            closeDescriptor(fd)
            throw SocketError("connect() failed: errno \(errno)")
        }
        return fd
    }

    func close() { closeDescriptor(fd) }
}

/// A loopback port where a server accepts each connection, reads the request, and hangs up without
/// answering: clients see the connection dropped before any response.
public func withHangingUpPort<R>(_ body: (Int) async throws -> R) async throws -> R {
    let listener = try BoundSocket(listenBacklog: 16)
    let fd = listener.fd
    Thread {
        while true {
            let client = acceptConnection(fd)
            guard client >= 0 else { return }  // the listener was shut down
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = receiveBytes(client, into: &buffer)
            closeDescriptor(client)
        }
    }.start()
    defer {
        shutDownSocket(fd)  // wakes the blocked accept()
        listener.close()
    }
    return try await body(listener.port)
}
