import Foundation

/// A script could not be started.
struct SpawnError: Error, Sendable, CustomStringConvertible {
    let call: String
    let code: Int32
    var description: String { "\(call): \(String(cString: strerror(code)))" }
}
