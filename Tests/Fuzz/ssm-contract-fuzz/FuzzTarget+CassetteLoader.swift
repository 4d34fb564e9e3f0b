import Cassettes
import ContractEngine
import RawJSON

extension FuzzTarget {
    /// The cassette reader: `CassetteFile(tape:file:)` (what `Cassette.load(from:)` and `verify` do after reading
    /// the file), its observations as `verify` reads them from the file's tape, and the loaded `Cassette`. Nothing
    /// crashes; a rejected document is a `CassetteError` with a message; the observations read from the tape and
    /// from the loaded cassette are as many, with as many interactions left out; a loaded cassette saves to bytes
    /// that load back to the same cassette.
    static let cassetteLoader = FuzzTarget(name: "cassette-loader") { bytes in
        guard let tape = try? JSONTape.parse(bytes) else { return }
        let stored: CassetteFile
        do throws(CassetteError) {
            stored = try CassetteFile(tape: tape, file: "fuzz.json")
        } catch {
            return require(!error.description.isEmpty, "a CassetteError without a message")
        }
        var fromTape = 0
        let skippedFromTape = Observation.forEachObservation(of: stored, file: "fuzz.json") { _ in fromTape += 1 }
        let cassette = stored.cassette
        var loaded = 0
        let skippedLoaded = Observation.forEachObservation(of: cassette, file: "fuzz.json") { _ in loaded += 1 }
        require(
            fromTape == loaded && skippedFromTape == skippedLoaded,
            "the file's tape gave \(fromTape) observations (\(skippedFromTape) left out), "
                + "the loaded cassette \(loaded) (\(skippedLoaded) left out)"
        )
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
