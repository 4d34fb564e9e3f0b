import ContractRunners
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the commands print: standard output and error, as the locale can show them (``TerminalText``).
/// Written with `write(2)`, unbuffered; a closed pipe loses the text, never crashes the command.
enum Console {
    /// The locale from the three variables ``TerminalText`` reads (not a dictionary of the whole environment).
    static let text = TerminalText(
        environment: ["LC_ALL", "LC_CTYPE", "LANG"].reduce(into: [:]) { variables, name in
            variables[name] = getenv(name).map { String(cString: $0) }
        }
    )

    /// Writes `string` to standard output (standard error with `toStandardError`).
    static func write(_ string: String, toStandardError: Bool = false) {
        let bytes = Array(text(string).utf8)
        let fd: Int32 = toStandardError ? 2 : 1
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = writeBytes(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Writes one line to standard error.
    static func error(_ line: String) { write(line + "\n", toStandardError: true) }
}

/// `write(2)`, named apart from ``Console/write(_:toStandardError:)``, which would hide it inside the type.
private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
