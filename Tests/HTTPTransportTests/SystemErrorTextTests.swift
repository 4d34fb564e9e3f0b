import Foundation
import HTTPTransport
import Testing

/// System errors in plain words: the one implementation every layer shows them with.
@Suite struct SystemErrorTextTests {
    @Test func foundationAndPOSIXErrorsBecomePlainWordsWithoutTheirDomain() throws {
        var caught: (any Error)?
        do { try Data("x".utf8).write(to: URL(fileURLWithPath: "/no/such/folder/file")) } catch { caught = error }
        let reason = SystemErrorText.reason(try #require(caught))
        #expect(reason.hasPrefix("no such file"), "\(reason)")
        #expect(!reason.contains("Domain"))
        #expect(SystemErrorText.reason(POSIXError(.EACCES)) == "permission denied")
        #expect(
            SystemErrorText.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == "no space left on device"
        )
        #expect(SystemErrorText.reason(errno: EROFS) == "read-only file system")
    }
}
