import Foundation
import RawJSON

/// The three ways SSM writes a time, all to the millisecond.
enum WireTime {
    /// A date cut to whole milliseconds (what every SSM time carries).
    static func milliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// A `timestamp` member (`RequestedDateTime`, `ResponseStartDateTime`…): epoch seconds as a JSON number
    /// with a millisecond fraction, e.g. `1582136283.089`.
    static func epoch(_ date: Date) -> JSONValue {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let fraction = millis % 1000
        return .number(JSONNumber(literal: "\(millis / 1000).\(String(format: "%03lld", fraction))"))
    }

    /// A `StringDateTime` member (`ExecutionStartDateTime`…): `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    static func string(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ",
            parts.tm_year + 1900,
            parts.tm_mon + 1,
            parts.tm_mday,
            parts.tm_hour,
            parts.tm_min,
            parts.tm_sec,
            millis % 1000
        )
    }

    /// `ExecutionElapsedTime` as `java.time.Duration.toString()` writes it: `PT0.091S`, `PT2.44S`, `PT1H0.271S`,
    /// `PT1M`, `PT0S` (zero units left out, trailing zeros of the fraction trimmed).
    static func duration(milliseconds total: Int64) -> String {
        let hours = total / 3_600_000
        let minutes = total % 3_600_000 / 60_000
        let seconds = total % 60_000 / 1000
        let millis = total % 1000
        var text = "PT"
        if hours != 0 { text += "\(hours)H" }
        if minutes != 0 { text += "\(minutes)M" }
        if seconds == 0 && millis == 0 && text.count > 2 { return text }
        text += "\(seconds)"
        if millis != 0 {
            var fraction = String(format: "%03lld", millis)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "S"
    }

    /// Parses a filter's ISO-8601 time (`2024-07-07T00:00:00Z`, with or without fraction, or a bare date).
    static func parseFilterTime(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
