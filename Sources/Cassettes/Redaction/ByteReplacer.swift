import Foundation

/// Replaces many literal byte strings at once in one left-to-right scan (longest needle first at each position).
///
/// Used for credential values: hundreds of values, each in several encodings, searched in every header, URL
/// and body of a recording.
struct ByteReplacer: Sendable {
    private let byPrefix: [UInt16: [(needle: [UInt8], replacement: [UInt8])]]
    private let shortest: Int

    /// `pairs` of (needle, replacement); needles shorter than two bytes are ignored.
    init(_ pairs: [(String, String)]) {
        var table: [UInt16: [(needle: [UInt8], replacement: [UInt8])]] = [:]
        var shortest = Int.max
        for (needle, replacement) in pairs {
            let bytes = Array(needle.utf8)
            guard bytes.count >= 2 else { continue }
            table[Self.key(bytes[0], bytes[1]), default: []].append((bytes, Array(replacement.utf8)))
            shortest = min(shortest, bytes.count)
        }
        self.byPrefix = table.mapValues { $0.sorted { $0.needle.count > $1.needle.count } }
        self.shortest = shortest
    }

    var isEmpty: Bool { byPrefix.isEmpty }

    private static func key(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    /// The bytes with every needle replaced; `nil` when nothing was found.
    func replacing(in bytes: [UInt8]) -> [UInt8]? {
        guard !isEmpty, bytes.count >= shortest else { return nil }
        var out: [UInt8] = []
        var changed = false
        var i = 0
        scan: while i < bytes.count {
            if i + 1 < bytes.count, let candidates = byPrefix[Self.key(bytes[i], bytes[i + 1])] {
                for candidate in candidates where i + candidate.needle.count <= bytes.count {
                    if bytes[i..<(i + candidate.needle.count)].elementsEqual(candidate.needle) {
                        if !changed {
                            out.reserveCapacity(bytes.count)
                            out.append(contentsOf: bytes[0..<i])
                            changed = true
                        }
                        out.append(contentsOf: candidate.replacement)
                        i += candidate.needle.count
                        continue scan
                    }
                }
            }
            if changed { out.append(bytes[i]) }
            i += 1
        }
        return changed ? out : nil
    }

    func replacing(in text: String) -> String {
        guard !isEmpty, let out = replacing(in: Array(text.utf8)) else { return text }
        return String(decoding: out, as: UTF8.self)
    }

    func replacing(in data: Data) -> Data {
        guard !isEmpty, let out = replacing(in: [UInt8](data)) else { return data }
        return Data(out)
    }
}
