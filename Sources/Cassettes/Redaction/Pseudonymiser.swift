import Crypto
import Foundation
import HTTPTransport

/// Replaces identifiers with deterministic, format-preserving pseudonyms (see ``PseudonymisationOptions``).
final class Pseudonymiser: @unchecked Sendable {
    // @unchecked: the mapping tables are guarded by `lock`; everything else is immutable.
    let kinds: Set<PseudonymKind>
    private let key: SymmetricKey
    /// When set, values that are already pseudonyms (seen in the cassette or produced here) stay as they are —
    /// a replayed response's id sent back in a later request must not be pseudonymised twice.
    private let leavesPseudonyms: Bool
    private let lock = NSLock()
    private var forward: [String: String] = [:]
    private var backward: [String: String] = [:]
    private let known: Set<String>

    init(
        kinds: Set<PseudonymKind>,
        salt: Data,
        secret: String?,
        leavesPseudonyms: Bool,
        knownPseudonyms: Set<String> = []
    ) {
        self.kinds = kinds
        var material = salt
        if let secret { material.append(contentsOf: Array(secret.utf8)) }
        self.key = SymmetricKey(data: SHA256.hash(data: material))
        self.leavesPseudonyms = leavesPseudonyms
        self.known = knownPseudonyms
    }

    /// The text with every identifier of the enabled kinds replaced.
    func apply(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        let matches = Self.pattern.matches(in: text, range: range)
        guard !matches.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for match in matches {
            guard let whole = Range(match.range, in: text) else { continue }
            let value = String(text[whole])
            guard let kind = Self.kind(of: match), kinds.contains(kind), !Self.isLocalAddress(value, kind) else {
                continue
            }
            result += text[cursor..<whole.lowerBound]
            result += pseudonym(for: value, kind: kind)
            cursor = whole.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// Every identifier of the enabled kinds in `text` (used to learn a cassette's pseudonyms).
    static func identifiers(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    func request(_ request: RecordedRequest) -> RecordedRequest {
        RecordedRequest(
            method: request.method,
            url: apply(request.url),
            headers: request.headers.mappingValues { apply($1) },
            body: request.body.mapping(text: apply, bytes: { $0 })
        )
    }

    func response(_ response: RecordedResponse) -> RecordedResponse {
        RecordedResponse(
            status: response.status,
            headers: response.headers.mappingValues { apply($1) },
            body: response.body.mapping(text: apply, bytes: { $0 })
        )
    }

    private func pseudonym(for value: String, kind: PseudonymKind) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let existing = forward[value] { return existing }
        if leavesPseudonyms, known.contains(value) || backward[value] != nil { return value }
        var counter = 0
        var candidate: String
        repeat {
            candidate = derive(value, kind: kind, counter: counter)
            counter += 1
        } while backward[candidate] != nil || candidate == value
        forward[value] = candidate
        backward[candidate] = value
        return candidate
    }

    private func derive(_ value: String, kind: PseudonymKind, counter: Int) -> String {
        let digest = Array(
            HMAC<SHA256>.authenticationCode(
                for: Data("\(kind.rawValue)\u{0}\(value.lowercased())\u{0}\(counter)".utf8),
                using: key
            )
        )
        let hex = digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        switch kind {
        case .accountID:
            let n = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000_000_000
            return String(n).leftPadded(to: 12)
        case .instanceID:
            let prefix = value.hasPrefix("mi-") ? "mi-" : "i-"
            return prefix + hex.prefix(value.count - prefix.count)
        case .commandID:
            var h = Array(hex.prefix(32))
            h[12] = "4"
            h[16] = ["8", "9", "a", "b"][Int(digest[31] & 3)]
            let s = String(h)
            let uuid = [
                s.prefix(8), s.dropFirst(8).prefix(4), s.dropFirst(12).prefix(4), s.dropFirst(16).prefix(4),
                s.dropFirst(20),
            ].joined(separator: "-")
            return value == value.uppercased() && value != value.lowercased() ? uuid.uppercased() : uuid
        case .ipv4:
            return "10.\(digest[0]).\(digest[1]).\(digest[2])"
        }
    }

    /// Loopback and unspecified addresses identify nobody; keeping them keeps local endpoints readable.
    private static func isLocalAddress(_ value: String, _ kind: PseudonymKind) -> Bool {
        kind == .ipv4 && (value.hasPrefix("127.") || value == "0.0.0.0")
    }

    private static func kind(of match: NSTextCheckingResult) -> PseudonymKind? {
        let groups: [(Int, PseudonymKind)] = [(1, .commandID), (2, .instanceID), (3, .ipv4), (4, .accountID)]
        return groups.first { match.range(at: $0.0).location != NSNotFound }?.1
    }

    /// One scan for every kind, so matches never overlap: UUID, instance id, IPv4, account id.
    static let pattern: NSRegularExpression = try! NSRegularExpression(
        pattern: [
            #"(?<![0-9A-Za-z])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z])"#,
            #"(?<![0-9A-Za-z-])(mi-[0-9a-f]{17}|i-[0-9a-f]{17}|i-[0-9a-f]{8})(?![0-9A-Za-z])"#,
            #"(?<![0-9.])((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})(?![0-9.])"#,
            #"(?<![0-9A-Za-z])([0-9]{12})(?![0-9A-Za-z])"#,
        ].joined(separator: "|")
    )
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
