import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain words for system errors, without framework names or error-domain codes (no `NSPOSIXErrorDomain`,
/// no "The operation could not be completed").
package enum SystemErrorText {
    /// The reason for `error` in lower-case plain words: the POSIX reason when there is one (directly, or as the
    /// underlying error of a Foundation error), else the error's own description.
    package static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return reason(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain, let code = cocoaReason[ns.code] { return code }
        let text = "\(error)"
        return text.contains("Domain=") || text.contains("ErrorDomain") ? "error \(ns.code)" : text
    }

    /// `strerror`'s text for `code`, lower-cased at the start (`permission denied`, `no space left on device`).
    package static func reason(errno code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }

    private static let cocoaReason: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: "no such file or folder",
        CocoaError.fileReadNoSuchFile.rawValue: "no such file or folder",
        CocoaError.fileReadNoPermission.rawValue: "permission denied",
        CocoaError.fileWriteNoPermission.rawValue: "permission denied",
        CocoaError.fileWriteOutOfSpace.rawValue: "no space left on device",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "read-only file system",
        CocoaError.fileWriteFileExists.rawValue: "the file already exists",
    ]
}
