import Foundation

extension Interaction {
    /// The interaction as recording keeps it: redacted by `options` and the built-in rules (signatures,
    /// security tokens, access keys, credential members), with a `Content-Length` that stays true for a body
    /// redaction shortened. For interactions captured elsewhere (a HAR file) that must land in a cassette
    /// exactly as if they had been recorded.
    /// - Throws: ``CassetteConfigurationError`` for bad redaction options.
    public func redacted(_ options: RedactionOptions) throws(CassetteConfigurationError) -> Interaction {
        let redactor = try Redactor(options)
        var request = redactor.request(self.request)
        request.headers = CassetteTransport.contentLength(request.headers, from: self.request.body, to: request.body)
        var response = redactor.response(self.response)
        response.headers = CassetteTransport.contentLength(
            response.headers,
            from: self.response.body,
            to: response.body
        )
        return Interaction(request: request, response: response, startedAt: startedAt, duration: duration)
    }

    /// `startedAt` for a request sent at `date`: ISO-8601 UTC, rounded to the millisecond
    /// (`2026-11-21T07:40:00.123Z`).
    public static func startedAt(_ date: Date) -> String { Timestamp.iso8601(date) }
}
