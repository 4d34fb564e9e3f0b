import Foundation
import YAMLTree

/// A contract a target is known to break: listed in `Contracts/deviations/<target>.yaml` with why.
public struct Deviation: Sendable, Hashable {
    /// The target, e.g. `moto-5.2.1` (from the cassette source `mock:moto@5.2.1`).
    public let target: String
    /// The contract expected to fail there.
    public let contractID: String
    /// Why it fails.
    public let reason: String
    /// Where the failure was seen (cassette and interaction), if given.
    public let evidence: String?
    /// The last day (`YYYY-MM-DD`) the deviation is accepted, if any.
    public let expires: String?
    /// The file it was read from.
    public let file: String

    public init(
        target: String,
        contractID: String,
        reason: String,
        evidence: String? = nil,
        expires: String? = nil,
        file: String
    ) {
        self.target = target
        self.contractID = contractID
        self.reason = reason
        self.evidence = evidence
        self.expires = expires
        self.file = file
    }
}

/// The known deviations in force, by target.
public struct DeviationSet: Sendable {
    /// Every deviation.
    public let deviations: [Deviation]

    public init(_ deviations: [Deviation] = []) { self.deviations = deviations }

    /// The deviation for a contract on a target, if listed.
    public func deviation(_ contractID: String, target: String) -> Deviation? {
        deviations.first { $0.contractID == contractID && $0.target == target }
    }

    /// Loads deviation files (a folder means its `*.yaml` files), checking ids against `catalog`.
    public static func load(_ urls: [URL], catalog: ContractCatalog) throws(CatalogError) -> DeviationSet {
        try load(urls, builtIn: [], catalog: catalog)
    }

    /// Loads deviation files given as text (the built-in catalog's), then the files and folders `urls`.
    public static func load(
        _ urls: [URL],
        builtIn: [(path: String, text: String)],
        catalog: ContractCatalog
    ) throws(CatalogError) -> DeviationSet {
        var all: [Deviation] = []
        for file in builtIn { all += try load(text: file.text, file: file.path, catalog: catalog) }
        for url in urls {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue ? try ContractCatalog.contractFiles(in: url) : [url]
            for file in files { all += try load(file, catalog: catalog) }
        }
        var seen = Set<String>()
        for deviation in all where !seen.insert("\(deviation.target)/\(deviation.contractID)").inserted {
            throw CatalogError(
                file: deviation.file,
                problem: "deviation \(deviation.contractID) for \(deviation.target) is listed twice"
            )
        }
        return DeviationSet(all)
    }

    static func load(_ url: URL, catalog: ContractCatalog) throws(CatalogError) -> [Deviation] {
        try deviations(in: YAMLReader.document(at: url), file: url.relativePath, catalog: catalog)
    }

    /// Loads the deviations of `text`, the contents of `file`.
    static func load(text: String, file: String, catalog: ContractCatalog) throws(CatalogError) -> [Deviation] {
        try deviations(in: YAMLReader.document(text: text, file: file), file: file, catalog: catalog)
    }

    static func deviations(
        in document: (YAMLReader, YAMLTree),
        file: String,
        catalog: ContractCatalog
    ) throws(CatalogError) -> [Deviation] {
        let (reader, root) = document
        let map = try reader.mapping(root, "a deviations file")
        try reader.onlyKeys(map, ["target", "deviations"], in: "a deviations file")
        let target = try reader.requiredString(map, "target", in: "the deviations file")
        guard let list = map["deviations"] else { return [] }
        var result: [Deviation] = []
        for item in try reader.sequence(list, "deviations") {
            let entry = try reader.mapping(item, "a deviation")
            try reader.onlyKeys(entry, ["id", "reason", "evidence", "expires"], in: "a deviation")
            let id = try reader.requiredString(entry, "id", in: "a deviation")
            guard catalog[id] != nil else {
                throw reader.fail(
                    item,
                    "deviation \(id) names no contract in the catalog; fix the id or remove the entry"
                )
            }
            let expires = try reader.optionalString(entry, "expires", in: "deviation \(id)")
            if let expires, !isDay(expires) {
                throw reader.fail(
                    entry["expires"],
                    "deviation \(id): expires \"\(expires)\" is not a date like 2027-06-30"
                )
            }
            result.append(
                Deviation(
                    target: target,
                    contractID: id,
                    reason: try reader.requiredString(entry, "reason", in: "deviation \(id)"),
                    evidence: try reader.optionalString(entry, "evidence", in: "deviation \(id)"),
                    expires: expires,
                    file: file
                )
            )
        }
        return result
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Today as `YYYY-MM-DD` in UTC.
    public static func today(_ date: Date = Date()) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return padded(year, to: 4) + "-" + padded(month, to: 2) + "-" + padded(day, to: 2)
    }

    /// `value` in decimal with leading zeros to `width` digits (`String(format:)` without Foundation's formatter).
    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
