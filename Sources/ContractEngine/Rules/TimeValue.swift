import RawJSON

/// Parsing of the time forms SSM responses carry: ISO-8601 date-times (`StringDateTime` members, CLI v2
/// timestamps), epoch-second numbers (wire and CLI v1 timestamps, `1.54208164084E9` included) and ISO-8601
/// durations (`ExecutionElapsedTime`).
public struct TimeValue: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z (a zone-less date-time is read as UTC).
    public let epochSeconds: Double
    /// Whether the text carried a zone designator.
    public let hasZone: Bool
    /// Whether the zone is UTC (`Z` or an offset of zero).
    public let isUTC: Bool

    /// The instant a JSON value stands for: a number (epoch seconds) or an ISO-8601 string; `nil` otherwise.
    public static func instant(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let n): return n.doubleValue
        case .string(var s): return s.withUTF8 { parseISO8601($0)?.epochSeconds }
        default: return nil
        }
    }

    /// ``instant(_:)-(JSONValue)`` of a value on a tape.
    public static func instant(_ value: JSONTape.Value) -> Double? { value.withView(instant) }

    /// ``instant(_:)-(JSONValue)`` of a value on a tape, read through a view.
    public static func instant(_ value: JSONTape.View) -> Double? {
        switch value.kind {
        case .number: return value.doubleValue
        case .string: return value.withUTF8 { parseISO8601($0)?.epochSeconds } ?? nil
        default: return nil
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` (a space is accepted for `T`).
    public static func parseISO8601(_ b: UnsafeBufferPointer<UInt8>) -> TimeValue? {
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var n = 0
            for k in i..<(i + width) {
                guard isDigit(b[k]) else { return nil }
                n = n * 10 + Int(b[k] - 0x30)
            }
            i += width
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A), let second = number(2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, isDigit(b[i]) {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        var hasZone = false
        if i < b.count {
            hasZone = true
            if b[i] == UInt8(ascii: "Z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let h = number(2) else { return nil }
                _ = expect(0x3A)
                guard let m = number(2), h < 24, m < 60 else { return nil }
                offset = sign * (h * 3600 + m * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return TimeValue(epochSeconds: seconds, hasZone: hasZone, isUTC: hasZone && offset == 0)
    }

    /// Parses an ISO-8601 duration `P[nD][T[nH][nM][n[.n]S]]` into seconds (at least one component).
    public static func parseDuration(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 3, b[0] == UInt8(ascii: "P") else { return nil }
        var i = 1
        var total = 0.0
        var components = 0
        var inTime = false
        while i < b.count {
            if b[i] == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                i += 1
                guard i < b.count else { return nil }
                continue
            }
            var value = 0.0
            var digits = 0
            while i < b.count, isDigit(b[i]) {
                value = value * 10 + Double(b[i] - 0x30)
                digits += 1
                i += 1
            }
            var hasFraction = false
            if i < b.count, b[i] == UInt8(ascii: ".") {
                hasFraction = true
                i += 1
                var scale = 0.1
                while i < b.count, isDigit(b[i]) {
                    value += Double(b[i] - 0x30) * scale
                    scale /= 10
                    digits += 1
                    i += 1
                }
            }
            guard digits > 0, i < b.count else { return nil }
            let unit = b[i]
            i += 1
            switch (inTime, unit) {
            case (false, UInt8(ascii: "D")) where !hasFraction: total += value * 86_400
            case (true, UInt8(ascii: "H")) where !hasFraction: total += value * 3600
            case (true, UInt8(ascii: "M")) where !hasFraction: total += value * 60
            case (true, UInt8(ascii: "S")): total += value
            default: return nil
            }
            components += 1
        }
        return components > 0 ? total : nil
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
