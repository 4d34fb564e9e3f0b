import Cassettes
import ContractEngine
import RawJSON

extension FuzzTarget {
    /// The cassette loader: `Cassette(json:file:)` (what `Cassette.load(from:)` does after reading the file)
    /// and `verify`'s fast reader `Observation.forEachObservation(ofCassetteDocument:)`. Neither crashes; what
    /// the fast reader accepts, the full loader accepts too, with the same number of observations; a loaded
    /// cassette saves to bytes that load back to the same cassette.
    static let cassetteLoader = FuzzTarget(name: "cassette-loader") { bytes in
        guard let json = try? JSONParser.parse(bytes) else { return }
        var fast = 0
        let skipped = Observation.forEachObservation(ofCassetteDocument: json, file: "fuzz.json") { _ in fast += 1 }
        let cassette: Cassette
        do {
            cassette = try Cassette(json: json, file: "fuzz.json")
        } catch {
            return require(skipped == nil, "the fast reader accepted a cassette the loader rejects: \(error)")
        }
        if let skipped {
            let full = Observation.observations(of: cassette, file: "fuzz.json").count
            require(fast == full, "the fast reader gave \(fast) observations (\(skipped) skipped), the loader \(full)")
        }
        guard let reloaded = try? JSONParser.parse([UInt8](cassette.fileData)) else {
            return require(false, "a loaded cassette saves to bytes that are not JSON")
        }
        do {
            let again = try Cassette(json: reloaded, file: "fuzz.json")
            require(again == cassette, "a loaded cassette saves to a different cassette")
        } catch {
            require(false, "a loaded cassette saves to a cassette the loader rejects: \(error)")
        }
    }
}
