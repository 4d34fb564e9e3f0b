#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's socket calls under names of their own, at file scope, where the bare C names resolve: inside
// the test servers' types, `close()`, `connect(to:blocking:)` and `write(_:status:…)` of their own would hide
// them. Written once for Glibc and Darwin, so no caller qualifies a call with its C module.

/// `socket(AF_INET, SOCK_STREAM)`, non-blocking when asked (`O_NONBLOCK`: Darwin has no `SOCK_NONBLOCK`).
public func openStreamSocket(nonBlocking: Bool = false) -> Int32 {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    if nonBlocking, fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK) }
    return fd
}

/// `bind(2)` to an IPv4 address.
public func bindSocket(_ fd: Int32, to address: sockaddr_in) -> Int32 {
    var address = address
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
}

/// `connect(2)` to an IPv4 address.
public func connectSocket(_ fd: Int32, to address: sockaddr_in) -> Int32 {
    var address = address
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
}

/// `listen(2)`.
public func listenOnSocket(_ fd: Int32, backlog: Int32) -> Int32 { listen(fd, backlog) }

/// `accept(2)`, without the peer's address.
public func acceptConnection(_ fd: Int32) -> Int32 { accept(fd, nil, nil) }

/// `recv(2)` into `buffer`.
public func receiveBytes(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
    buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
}

/// `send(2)`, never raising SIGPIPE on a peer that went away (`MSG_NOSIGNAL`; `SO_NOSIGPIPE` on Darwin).
public func sendBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    #if canImport(Glibc)
    return send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
    var on: Int32 = 1
    _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    return send(fd, bytes.baseAddress, bytes.count, 0)
    #endif
}

/// `shutdown(fd, SHUT_RDWR)`: wakes a thread blocked in `accept` on it.
public func shutDownSocket(_ fd: Int32) { _ = shutdown(fd, Int32(SHUT_RDWR)) }

/// Closes with a reset (`SO_LINGER` 0): the peer sees `ECONNRESET`, not an orderly end.
public func resetConnection(_ fd: Int32) {
    var hardClose = linger(l_onoff: 1, l_linger: 0)
    _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &hardClose, socklen_t(MemoryLayout<linger>.size))
    _ = close(fd)
}

/// `close(2)`.
public func closeDescriptor(_ fd: Int32) { _ = close(fd) }

/// 127.0.0.1:`port`.
public func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    #if canImport(Darwin)
    address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)  // BSD sockets carry their length
    #endif
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return address
}
