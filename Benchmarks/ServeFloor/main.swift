// serve-floor: the same loopback HTTP server `ssm-contract serve` runs on (LoopbackHTTPServer, on Hummingbird),
// answering every request with one constant response and doing nothing else. `make bench-serve` loads it beside
// serve and moto_server in the same run: the req/s of a server that matches nothing, redacts nothing and looks
// nothing up, so what serve's own work costs reads off the difference.
//
// usage: serve-floor BODY_BYTES   (prints "serve-floor listening on http://127.0.0.1:PORT"; stop it with SIGTERM)
import Foundation
import HTTPTransport
import LoopbackServer

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let bodyBytes = Int(arguments.first!), bodyBytes >= 0 else {
    FileHandle.standardError.write(Data("usage: serve-floor BODY_BYTES\n".utf8))
    exit(2)
}
let response = HTTPResponse(
    status: 200,
    headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": UUID().uuidString.lowercased()],
    body: Data(repeating: UInt8(ascii: "x"), count: bodyBytes)
)
try await LoopbackHTTPServer.withServer(keepsRequests: false, handler: { _ in response }) { server in
    FileHandle.standardOutput.write(Data("serve-floor listening on \(server.baseURL)\n".utf8))
    // Serves until the process is ended (SIGTERM's default action).
    while true { try await Task.sleep(for: .seconds(3600)) }
}
