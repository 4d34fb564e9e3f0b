import Foundation

/// Text as the user's locale can show it: when the locale says its character set is not UTF-8 (`LANG=C`,
/// `LC_ALL=en_US.ISO-8859-1`), the few non-ASCII symbols ssm-contract prints get ASCII stand-ins (✗ → x,
/// → → ->, — → --, “ ” → ", … → ...) and anything else outside ASCII becomes `?`. No locale variable set at all counts as UTF-8, the default of every
/// current system.
public struct TerminalText: Sendable {
    /// Whether output keeps its UTF-8 symbols.
    public let isUTF8: Bool

    /// The locale of `environment`: `LC_ALL`, else `LC_CTYPE`, else `LANG` (the first one set and non-empty).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else {
            isUTF8 = true
            return
        }
        let normalised = locale.lowercased().replacingOccurrences(of: "-", with: "")
        isUTF8 = normalised.contains("utf8")
    }

    /// The ASCII stand-ins, in the order they are applied.
    static let fallbacks: [(String, String)] = [
        ("✗", "x"), ("✓", "v"), ("→", "->"), ("—", "--"), ("–", "-"), ("“", "\""), ("”", "\""), ("‘", "'"), ("’", "'"),
        ("…", "..."), ("≠", "!="), ("≤", "<="), ("≥", ">="), ("×", "x"),
    ]

    /// `text` as this locale shows it.
    public func callAsFunction(_ text: String) -> String {
        guard !isUTF8, text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = text
        for (symbol, ascii) in Self.fallbacks { result = result.replacingOccurrences(of: symbol, with: ascii) }
        // Anything else the locale cannot show (text quoted from documents, values in findings) becomes "?".
        return String(String.UnicodeScalarView(result.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
    }
}
