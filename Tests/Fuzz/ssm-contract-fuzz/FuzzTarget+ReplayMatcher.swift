import Cassettes
import Foundation
import HTTPTransport

extension FuzzTarget {
    /// The replay matcher (`AWSJSONRequestMatcher`, the cassette transport's default): a request matches itself;
    /// `matches` holds exactly when `differences` finds none, against every request of a bundled cassette and
    /// against a second fuzzed request; never a crash.
    ///
    /// Input layout: one or two requests separated by a NUL byte, each `METHOD URL` on the first line,
    /// `X-Amz-Target` on the second, the body after.
    static let replayMatcher = FuzzTarget(name: "replay-matcher") { bytes in
        let separator = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let live = ReplayMatcherFixture.request(bytes[bytes.startIndex..<separator])
        var recorded = ReplayMatcherFixture.recorded
        if separator < bytes.endIndex {
            recorded.append(ReplayMatcherFixture.request(bytes[bytes.index(after: separator)...]))
        }
        let matcher = AWSJSONRequestMatcher()
        require(matcher.matches(live, live), "a request does not match itself: \(live)")
        for other in recorded {
            let matches = matcher.matches(live, other)
            let differences = matcher.differences(between: live, and: other)
            require(matches == differences.isEmpty, "matches is \(matches) but the differences are \(differences)")
            _ = differences.map(\.description)
        }
    }
}

/// The recorded requests of a bundled cassette, loaded once, and the fuzz input layout.
enum ReplayMatcherFixture {
    static let recorded: [RecordedRequest] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Recordings/mock-moto-5.2.1/get-command-invocation-errors.json")
        do {
            return try Cassette.load(from: file).interactions.map(\.request)
        } catch {
            fatalError("\(error)")
        }
    }()

    static func request(_ bytes: ArraySlice<UInt8>) -> RecordedRequest {
        let lines = bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        let first = lines.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let space = first.firstIndex(of: " ") ?? first.endIndex
        let method = String(first[..<space])
        let url =
            space < first.endIndex
            ? String(first[first.index(after: space)...]) : "https://ssm.us-east-1.amazonaws.com/"
        var headers = HTTPHeaders()
        if lines.count > 1 { headers.add(name: "X-Amz-Target", value: String(decoding: lines[1], as: UTF8.self)) }
        let body = lines.count > 2 ? Data(lines[2]) : Data()
        return RecordedRequest(method: method, url: url, headers: headers, body: RecordedBody(capturing: body))
    }
}
