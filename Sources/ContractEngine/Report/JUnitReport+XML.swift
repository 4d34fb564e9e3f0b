extension JUnitReport {
    /// The report as JUnit XML (UTF-8, two-space indentation, counts on every suite and on the root).
    public var xml: String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"
        if let name { out += " name=\"\(Self.escape(name))\"" }
        out += " tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for suite in suites {
            out +=
                "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\""
            out += suite.skipped > 0 ? " skipped=\"\(suite.skipped)\">\n" : ">\n"
            for testCase in suite.cases {
                out +=
                    "    <testcase classname=\"\(Self.escape(testCase.classname))\" name=\"\(Self.escape(testCase.name))\""
                out += Self.body(testCase.outcome) + "\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The rest of a `<testcase` element for `outcome`.
    static func body(_ outcome: Outcome) -> String {
        switch outcome {
        case .passed(nil):
            return "/>"
        case .passed(let output?):
            return "><system-out>\(escape(output))</system-out></testcase>"
        case .failed(let type, let message, let details):
            let type = type.map { " type=\"\(escape($0))\"" } ?? ""
            return "><failure\(type) message=\"\(escape(message))\"\(element("failure", details))</testcase>"
        case .skipped(let message, let details):
            return "><skipped message=\"\(escape(message))\"\(element("skipped", details))</testcase>"
        }
    }

    /// The end of an opened element: `/>`, or `>details</name>`.
    private static func element(_ name: String, _ details: String?) -> String {
        guard let details, !details.isEmpty else { return "/>" }
        return ">\(escape(details))</\(name)>"
    }

    /// `text` escaped for XML attribute values and character data alike: markup characters as entities, line
    /// breaks and tabs as character references (an attribute keeps them), and characters XML 1.0 cannot hold
    /// (other control characters, U+FFFE, U+FFFF) as U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
