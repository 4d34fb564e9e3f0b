extension LoopbackHTTPServerTests {
    struct HandlerFailure: Error, CustomStringConvertible {
        var description: String { "no such cassette entry" }
    }
}
