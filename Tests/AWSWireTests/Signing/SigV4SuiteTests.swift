import Foundation
import HTTPTransport
import Testing

@testable import AWSWire

/// The official SigV4 test suite (Fixtures/sigv4, Apache-2.0, LICENSE and NOTICE alongside), every case.
@Suite struct SigV4SuiteTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sigv4")

    /// Every case folder (one holding `<name>.req`), relative to the suite root, e.g. `post-sts-token/post-sts-header-before`.
    static let cases: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: fixtures.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".req") { found.append((path as NSString).deletingLastPathComponent) }
        }
        return found.sorted()
    }()

    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let signer = SigV4Signer(region: "us-east-1", service: "service")

    static func file(_ testCase: String, _ ext: String) throws -> String {
        let name = (testCase as NSString).lastPathComponent
        let url = fixtures.appendingPathComponent(testCase).appendingPathComponent("\(name).\(ext)")
        return try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\r", with: "")
    }

    @Test func suiteIsCompleteWithLicense() throws {
        #expect(Self.cases.count == 34)
        #expect(FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent("LICENSE").path))
        let notice = try String(contentsOf: Self.fixtures.appendingPathComponent("NOTICE"), encoding: .utf8)
        #expect(notice.contains("AWS Signature Version 4 Test Suite"))
    }

    @Test(arguments: cases) func signsLikeTheSuite(testCase: String) throws {
        let request = try SuiteRequest.parse(try Self.file(testCase, "req"))
        let creq = try Self.file(testCase, "creq")
        // The session-token case carries its token only in the canonical request (as botocore's test reads it).
        var token: String? = request.headers["X-Amz-Security-Token"]
        if let line = creq.split(separator: "\n").first(where: { $0.hasPrefix("x-amz-security-token:") }) {
            token = String(line.dropFirst("x-amz-security-token:".count))
        }
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE",
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: token
        )
        let signed = Self.signer.sign(request, credentials: credentials, date: Self.date)
        #expect(signed.headers["Authorization"] == (try Self.file(testCase, "authz")))

        var unsigned = signed
        unsigned.headers.remove(name: "Authorization")
        let signature = Self.signer.signature(for: unsigned, credentials: credentials, date: Self.date)
        #expect(signature.canonicalRequest == creq)
        #expect(signature.stringToSign == (try Self.file(testCase, "sts")))
    }
}

/// Parses the suite's raw `.req` files: request line, `Name:value` headers (indented lines continue the previous
/// value), a blank line, the body.
enum SuiteRequest {
    static func parse(_ text: String) throws -> HTTPRequest {
        let lines = text.components(separatedBy: "\n")
        let requestLine = try #require(lines.first)
        let method = String(requestLine.prefix { $0 != " " })
        let afterMethod = requestLine.dropFirst(method.count + 1)
        let target = try #require(afterMethod.range(of: " HTTP/", options: .backwards)).lowerBound
        let path = String(afterMethod[..<target])
        var headers = HTTPHeaders()
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", let last = headers.fields.last {
                headers.remove(name: last.name)
                let previous = headers.fields
                headers = HTTPHeaders(previous + [HTTPHeader(name: last.name, value: last.value + " " + line)])
            } else {
                let colon = try #require(line.firstIndex(of: ":"))
                headers.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]))
            }
            index += 1
        }
        let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        let host = try #require(headers["Host"])
        return HTTPRequest(method: method, url: "https://\(host)\(path)", headers: headers, body: Data(body.utf8))
    }
}
