import Foundation
import TestSupport

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
        let fd = openStreamSocket()
        guard fd >= 0 else { throw RawConnectionError("socket() failed") }
        defer { closeDescriptor(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connectSocket(fd, to: loopbackAddress(port: port)) == 0 else {
            throw RawConnectionError("connect() to port \(port) failed")
        }
        var sent = 0
        while sent < bytes.count {
            // Without SIGPIPE: a server that hangs up early must not kill the test runner.
            let n = bytes[sent...].withUnsafeBytes { sendBytes(fd, $0) }
            guard n > 0 else { break }  // the server closed the connection; read what it answered
            sent += n
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = receiveBytes(fd, into: &buffer)
            guard n > 0 else { break }
            answer += buffer[0..<n]
        }
        return answer
    }
}
