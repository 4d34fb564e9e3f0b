import Foundation

/// The one line for an address `serve`, `proxy` or `emulate` cannot listen on, in words a person can act on:
/// no framework names, no errno text. (The replay server, which `serve` and `proxy` run, throws it as its
/// ``ReplayServerError`` message; `emulate` turns the emulator's error into it.)
enum ListenFailure {
    /// `detail` is the server's own description of the failure (only used to tell the cases apart).
    static func message(host: String, port: Int, detail: String) -> String {
        let lowered = detail.lowercased()
        if lowered.contains("address already in use") || lowered.contains("eaddrinuse") || lowered.contains("errno: 98")
        {
            return
                "port \(port) on \(host) is already in use (another server listens there); stop it, choose another --port, or use --port 0 for any free port"
        }
        if lowered.contains("permission denied") || lowered.contains("eacces") || lowered.contains("errno: 13") {
            return
                "not allowed to listen on \(host):\(port) (ports below 1024 need privileges); choose a --port from 1024 to 65535, or --port 0 for any free port"
        }
        if lowered.contains("cannot assign") || lowered.contains("eaddrnotavail") || lowered.contains("errno: 99") {
            return "\(host) is not an address of this machine; use --host 127.0.0.1 (the default)"
        }
        return "cannot listen on \(host):\(port); check --host and --port, or use --port 0 for any free port"
    }
}
