import Cassettes
import Foundation
import Testing

/// File errors read as plain words, never as a framework's error domain and code.
@Suite struct CassetteErrorTextTests {
    @Test func aCassetteThatCannotBeWrittenSaysWhyInWords() throws {
        let cassette = Cassette(header: CassetteHeader(source: .synthetic, recordedAt: "2026-11-21T07:40:00.000Z"))
        let destination = URL(fileURLWithPath: "/no/such/folder/cassette.json")
        do {
            try cassette.save(to: destination)
            Issue.record("saved into a folder that does not exist")
        } catch {
            #expect(
                error.description
                    == "/no/such/folder/cassette.json: cannot be written (no such file or directory); check that the folder exists and is writable"
            )
            #expect(!error.description.contains("Domain"))
        }
    }
}
