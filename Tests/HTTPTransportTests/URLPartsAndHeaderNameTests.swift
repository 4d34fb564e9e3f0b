import HTTPTransport
import Testing

@Suite struct URLPartsAndHeaderNameTests {
    @Test func urlsSplitAtTheirDelimitersOnly() {
        let full = URLParts("HTTPS://user:pw@SSM.us-east-1.AmazonAWS.com:8443/a/b%20c?X=1&y=2#frag")
        #expect(full.scheme == "https")
        #expect(full.host == "ssm.us-east-1.amazonaws.com")
        #expect(full.port == 8443)
        #expect(full.path == "/a/b%20c")
        #expect(full.query == "X=1&y=2")

        let ipv6 = URLParts("http://[::1]:4566/?a=b")
        #expect(ipv6.host == "[::1]")
        #expect(ipv6.port == 4566)
        #expect(ipv6.path == "/")
        #expect(ipv6.query == "a=b")

        let bare = URLParts("http://127.0.0.1:4566")
        #expect(bare.path == "")
        #expect(bare.query == "")
        #expect(bare.origin == "http://127.0.0.1:4566")

        let relative = URLParts("/only/a/path?q")
        #expect(relative.scheme == "")
        #expect(relative.host == "")
        #expect(relative.path == "/only/a/path")
        #expect(relative.query == "q")
    }

    @Test func nonASCIITextBetweenDelimitersIsKeptAsWritten() {
        let parts = URLParts("http://exämple.test/ሴ/\u{301}x?ü=\u{301}#é")
        #expect(parts.host == "exämple.test")
        #expect(parts.path == "/ሴ/\u{301}x")
        #expect(parts.query == "ü=\u{301}")
        // A combining mark right after a delimiter does not hide the delimiter (the URL is split as UTF-8).
        let marked = URLParts("http://h.test/p?\u{301}q=1")
        #expect(marked.path == "/p")
        #expect(marked.query == "\u{301}q=1")
    }

    @Test func headerNamesCompareWithoutCase() {
        #expect(HTTPHeaders.sameName("X-Amz-Target", "x-amz-target"))
        #expect(HTTPHeaders.sameName("CONTENT-LENGTH", "content-Length"))
        #expect(!HTTPHeaders.sameName("X-Amz-Target", "X-Amz-Targets"))
        #expect(!HTTPHeaders.sameName("X-Amz-Date", "X-Amz-Data"))
        #expect(!HTTPHeaders.sameName("", "a"))
        #expect(HTTPHeaders.sameName("", ""))
        // Beyond ASCII, lower-casing decides (no valid header name has such letters; nothing is lost on them).
        #expect(HTTPHeaders.sameName("X-Ünïcode", "x-ünïcode"))
        #expect(!HTTPHeaders.sameName("X-Ü", "X-U"))
        let headers: HTTPHeaders = ["Content-Type": "a", "content-type": "b", "X-Other": "c"]
        #expect(headers.values(for: "CONTENT-TYPE") == ["a", "b"])
        #expect(headers["x-other"] == "c")
    }
}
