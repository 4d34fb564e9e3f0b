import Foundation
import HTTPTransport
import TestSupport
import Testing

/// Whether `openssl` is installed (the self-signed certificate is generated with it).
let opensslPath = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite("CurlTransport verifies TLS", .timeLimit(.minutes(1)))
struct CurlTransportTLSTests {
    @Test(.enabled(if: opensslPath != nil, "openssl is not installed"))
    func selfSignedServerIsRejectedAndAcceptedOnceTrusted() async throws {
        try #require(PythonTools.isInstalled, Comment(rawValue: PythonTools.missingMessage))
        try await SelfSignedHTTPSServer.with { server in
            let url = "https://127.0.0.1:\(server.port)/secure"
            let rejected = try await CurlTransportFailureTests.failure(of: HTTPRequest(url: url))
            #expect(rejected.code == .tls)
            #expect(rejected.curlCode == 60)
            #expect(rejected.message.contains("certificate"))

            // The same server, with its certificate trusted: the failure above was verification, not a
            // broken server.
            var trusting = directConfiguration
            trusting.caBundlePath = server.certificatePath
            let response = try await CurlTransport.withCurlTransport(configuration: trusting) { transport in
                try await transport.send(HTTPRequest(url: url))
            }
            #expect(response.status == 200)
            #expect(response.body == Data("secure".utf8))
        }
    }
}

/// A Python `http.server` wrapped in TLS with a fresh self-signed certificate for 127.0.0.1, on a free port.
struct SelfSignedHTTPSServer {
    let port: Int
    let certificatePath: String

    static let script = """
        import http.server, os, ssl, sys, threading
        # Exit when the test closes our standard input (or dies), so no server outlives its test.
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "6")
                self.end_headers()
                self.wfile.write(b"secure")
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    static func with<R>(_ body: (SelfSignedHTTPSServer) async throws -> R) async throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        try await ChildProcess.run(
            opensslPath ?? "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            ]
        )
        let server = try ChildProcess(PythonTools.program("python").path, ["-c", script, cert, key])
        defer { server.stop() }
        // The child's stdin (held by `server`) closes on stop(); the script exits on end of input.
        let firstLine = try await server.readLine()
        guard let port = Int(firstLine.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SocketError("the Python TLS server printed \"\(firstLine)\" instead of its port")
        }
        return try await body(SelfSignedHTTPSServer(port: port, certificatePath: cert))
    }
}
