import Foundation
import HTTPTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 front for a real upstream (moto) that fails the first attempts of chosen calls the ways
/// AWS and networks do: throttling (`400 ThrottlingException`), server faults (`500 InternalServerError`,
/// `503 ServiceUnavailable`), or a connection reset (RST before any answer). Everything else is forwarded
/// through libcurl and answered as the upstream answered it.
///
/// Calls are told apart by the SDK's `amz-sdk-invocation-id` (one per call, the same on its retries) and
/// attempts by `amz-sdk-request: attempt=N; max=M`. (libcurl itself sends a request again, same attempt number,
/// when a reused connection turns out dead; such a resend is the same attempt.) ``Plan`` says, per call index in
/// arrival order, how many of its first attempts fail and how.
///
/// ```swift
/// try await FaultyUpstream.withUpstream(forwardingTo: moto.endpointURL, plan: plan) { front in
///     // point the client at front.endpointURL; afterwards front.attempts lists what happened
/// }
/// ```
public final class FaultyUpstream: @unchecked Sendable {  // `log` and `calls` are guarded by `lock`
    /// A way to fail one attempt.
    public enum Fault: String, Sendable, CaseIterable {
        case throttle, internalError, unavailable, reset
    }

    /// The faults of one call: its first `failures` attempts fail with `fault`.
    public struct CallFaults: Sendable, Hashable {
        public let fault: Fault
        public let failures: Int
        public init(_ fault: Fault, failures: Int) {
            self.fault = fault
            self.failures = failures
        }
    }

    /// What to do to each call, by call index (0-based); calls not listed are forwarded.
    public typealias Plan = [Int: CallFaults]

    /// A plan from a seed: each call fails with probability `rate`, with a random fault, for 1...3 attempts.
    public static func plan(seed: UInt64, calls: Int, rate: Double) -> Plan {
        var random = SeededRandom(seed: seed)
        var plan: Plan = [:]
        for call in 0..<calls where Double(random.next() % 1000) / 1000 < rate {
            plan[call] = CallFaults(
                Fault.allCases[Int(random.next() % UInt64(Fault.allCases.count))],
                failures: 1 + Int(random.next() % 3)
            )
        }
        return plan
    }

    /// One attempt as the front saw it.
    public struct Attempt: Sendable, Hashable, CustomStringConvertible {
        /// The call index (0-based).
        public let call: Int
        /// The attempt number the SDK sent (1-based).
        public let attempt: Int
        /// `X-Amz-Target`, e.g. `AmazonSSM.ListCommands`.
        public let target: String
        /// The fault given, or nil when forwarded.
        public let fault: Fault?

        public var description: String {
            "call \(call) \(target) attempt \(attempt): \(fault?.rawValue ?? "forwarded")"
        }
    }

    /// `http://127.0.0.1:PORT`.
    public let endpointURL: String
    private let upstream: String
    private let plan: Plan
    private let transport: CurlTransport
    private let lock = NSLock()
    private var log: [Attempt] = []
    private var calls: [String: Int] = [:]

    /// Every attempt so far, in arrival order.
    public var attempts: [Attempt] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    private init(port: Int, upstream: String, plan: Plan, transport: CurlTransport) {
        endpointURL = "http://127.0.0.1:\(port)"
        self.upstream = upstream
        self.plan = plan
        self.transport = transport
    }

    /// Runs `body` with a front on a free loopback port; it stops when `body` returns or throws.
    public static func withUpstream<R>(
        forwardingTo upstream: String,
        plan: Plan,
        _ body: (FaultyUpstream) async throws -> R
    ) async throws -> R {
        let listener = try BoundSocket(listenBacklog: 64)
        defer {
            shutDownSocket(listener.fd)  // wakes the blocked accept()
            listener.close()
        }
        return try await CurlTransport.withCurlTransport { transport in
            let front = FaultyUpstream(port: listener.port, upstream: upstream, plan: plan, transport: transport)
            let fd = listener.fd
            Thread {
                while true {
                    let client = acceptConnection(fd)
                    guard client >= 0 else { return }  // the listener was shut down
                    Thread { front.serve(client) }.start()
                }
            }.start()
            return try await body(front)
        }
    }

    /// Answers requests on one connection until the client closes it or a reset ends it.
    private func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        while let (head, body) = Self.readRequest(client, buffer: &buffer) {
            let attemptNumber = head.header("amz-sdk-request").flatMap(Self.attemptNumber) ?? 1
            let target = head.header("X-Amz-Target") ?? ""
            let fault = decide(
                invocation: head.header("amz-sdk-invocation-id") ?? UUID().uuidString,
                attemptNumber: attemptNumber,
                target: target
            )
            switch fault {
            case .reset?:
                resetConnection(client)
                return
            case .throttle?:
                write(
                    client,
                    status: 400,
                    reason: "Bad Request",
                    headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: Data(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.utf8)
                )
            case .internalError?:
                write(
                    client,
                    status: 500,
                    reason: "Internal Server Error",
                    headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: Data(#"{"__type":"InternalServerError","message":"An internal error occurred"}"#.utf8)
                )
            case .unavailable?:
                write(
                    client,
                    status: 503,
                    reason: "Service Unavailable",
                    headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: Data(
                        #"{"__type":"ServiceUnavailable","message":"Service is unavailable, try again later"}"#.utf8
                    )
                )
            case nil:
                let response = forward(head, body: body)
                write(
                    client,
                    status: response.status,
                    reason: "Forwarded",
                    headers: response.headers.filter {
                        !["content-length", "transfer-encoding", "connection"].contains($0.name.lowercased())
                    }.map { ($0.name, $0.value) },
                    body: response.body
                )
            }
        }
        closeDescriptor(client)
    }

    /// This attempt's fault (nil: forward), logged.
    private func decide(invocation: String, attemptNumber: Int, target: String) -> Fault? {
        lock.lock()
        defer { lock.unlock() }
        let call = calls[invocation] ?? calls.count
        calls[invocation] = call
        let faults = plan[call]
        let fault = faults.flatMap { attemptNumber <= $0.failures ? $0.fault : nil }
        log.append(Attempt(call: call, attempt: attemptNumber, target: target, fault: fault))
        return fault
    }

    /// Sends the request to the upstream through libcurl (blocking this connection's thread).
    private func forward(_ head: RequestHead, body: Data) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in head.headers
        where !["host", "content-length", "connection", "expect"].contains(name.lowercased()) {
            headers.add(name: name, value: value)
        }
        let request = HTTPRequest(method: head.method, url: upstream + head.target, headers: headers, body: body)
        let result = BlockingResult<HTTPResponse>()
        let transport = self.transport
        Task {
            do { result.set(.success(try await transport.send(request))) } catch { result.set(.failure(error)) }
        }
        switch result.wait() {
        case .success(let response): return response
        case .failure(let error):
            return HTTPResponse(
                status: 502,
                headers: ["Content-Type": "text/plain"],
                body: Data("faulty upstream: forwarding failed: \(error)\n".utf8)
            )
        }
    }

    private func write(_ client: Int32, status: Int, reason: String, headers: [(String, String)], body: Data) {
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(body.count)\r\n\r\n"
        var bytes = [UInt8](text.utf8)
        bytes.append(contentsOf: body)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { sendBytes(client, $0) }
            guard n > 0 else { return }
            offset += n
        }
    }

    static func attemptNumber(_ header: String) -> Int? {
        guard let range = header.range(of: "attempt=") else { return nil }
        return Int(header[range.upperBound...].prefix { $0.isNumber })
    }

    /// The request line and header fields.
    struct RequestHead {
        let method: String
        let target: String
        let headers: [(String, String)]
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// Reads one request (head, then `Content-Length` bytes of body); nil at end of input.
    static func readRequest(_ client: Int32, buffer: inout [UInt8]) -> (RequestHead, Data)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        func fill() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = receiveBytes(client, into: &chunk)
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        var end: Int?
        while end == nil {
            if let found = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<$0 + 4]) == separator }) {
                end = found
                break
            }
            guard fill() else { return nil }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        let lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers: [(String, String)] = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let head = RequestHead(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
        let length = head.header("Content-Length").flatMap { Int($0) } ?? 0
        while buffer.count < length { guard fill() else { return nil } }
        let body = Data(buffer[0..<length])
        buffer.removeFirst(length)
        return (head, body)
    }
}

/// A value handed from a task to a waiting thread.
private final class BlockingResult<T: Sendable>: @unchecked Sendable {  // `value` is guarded by `condition`
    private let condition = NSCondition()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        condition.lock()
        value = result
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<T, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
