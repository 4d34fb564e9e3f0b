import Foundation

/// A timestamp as AWS sends it, with the parsed date when it can be read.
///
/// awsJson `timestamp` members are epoch seconds, sometimes in exponent form (`1.54208164084E9`); recordings made
/// with AWS CLI v2 hold ISO-8601 strings (`2021-02-05T13:37:00.000000+01:00`); moto sends ISO-8601 without a
/// zone (`2026-01-02T07:24:45.996989`, read as UTC); SSM's `StringDateTime` members are strings such as
/// `2020-02-19T18:18:03.419Z` or `""` (not started). Every form decodes; ``date`` is `nil` for an empty or
/// unreadable string, never an error.
public struct SSMTimestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the value was sent.
    public enum Form: Sendable, Hashable {
        /// A JSON number of epoch seconds.
        case epochSeconds(Double)
        /// A JSON string.
        case string(String)
    }

    /// The value as sent.
    public let form: Form
    /// The instant, when the value could be read.
    public let date: Date?

    /// Wraps epoch seconds.
    public init(epochSeconds: Double) {
        form = .epochSeconds(epochSeconds)
        date = Date(timeIntervalSince1970: epochSeconds)
    }

    /// Wraps a string, parsing ISO-8601 (with or without fraction and zone) or epoch seconds in a string.
    public init(string: String) {
        form = .string(string)
        date = Self.parse(string)
    }

    /// Decodes a number or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self.init(epochSeconds: seconds)
        } else {
            self.init(string: try container.decode(String.self))
        }
    }

    /// Encodes the value in the form it was sent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch form {
        case .epochSeconds(let seconds): try container.encode(seconds)
        case .string(let text): try container.encode(text)
        }
    }

    /// The value as sent (a number's shortest form, or the string).
    public var description: String {
        switch form {
        case .epochSeconds(let seconds): String(seconds)
        case .string(let text): text
        }
    }

    /// Parses `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` (no zone means UTC) or a decimal number.
    static func parse(_ text: String) -> Date? {
        if let seconds = Double(text), text.first?.isNumber == true { return Date(timeIntervalSince1970: seconds) }
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}:?\d{2})?$"#
        guard let match = text.range(of: pattern, options: .regularExpression), match == text.startIndex..<text.endIndex
        else { return nil }
        let digits = text.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        var components = DateComponents()
        (components.year, components.month, components.day) = (digits[0], digits[1], digits[2])
        (components.hour, components.minute, components.second) = (digits[3], digits[4], digits[5])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard (1...12).contains(digits[1]), (1...31).contains(digits[2]), digits[3] < 24, digits[4] < 60,
            digits[5] < 61,
            var date = calendar.date(from: components)
        else { return nil }
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[dot...].prefix { $0 == "." || $0.isNumber }
            date += Double("0" + fraction) ?? 0
        }
        if let sign = text.dropFirst(19).firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let offsetDigits = text[text.index(after: sign)...].filter(\.isNumber)
            let hours = Int(offsetDigits.prefix(2)) ?? 0
            let minutes = Int(offsetDigits.dropFirst(2)) ?? 0
            let offset = Double(hours * 3600 + minutes * 60)
            date -= text[sign] == "+" ? offset : -offset
        }
        return date
    }
}
