import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection to a loopback port driven byte by byte: what a client that does not speak HTTP/1.1 (or
/// speaks it badly) sends. Blocking calls run on their own thread, never on a Swift concurrency thread.
enum RawConnection {
    /// Connects to 127.0.0.1:`port`, writes `bytes`, and returns everything the server sends until it closes the
    /// connection (or 30 s pass without a byte).
    static func exchange(_ bytes: [UInt8], port: Int) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try blockingExchange(bytes, port: port) })
            }.start()
        }
    }

    /// The status line of what the server answered, e.g. `HTTP/1.1 400 Bad Request`; `nil` when it sent nothing.
    static func statusLine(_ answer: [UInt8]) -> String? {
        let text = String(decoding: answer, as: UTF8.self)
        return text.isEmpty ? nil : text.components(separatedBy: "\r\n").first
    }

    private static func blockingExchange(_ bytes: [UInt8], port: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError("socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw RawConnectionError("connect() to port \(port) failed") }
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a server that hangs up early must not kill the test runner with SIGPIPE.
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }  // the server closed the connection; read what it answered
            sent += n
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            answer += buffer[0..<n]
        }
        return answer
    }
}
