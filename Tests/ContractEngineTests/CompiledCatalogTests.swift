import Foundation
import TestSupport
import Testing
import YAMLTree

@testable import ContractEngine

/// The built-in catalog's YAML is parsed at build time (the EmbedFiles plugin) and read back at start without a
/// YAML parser; a file whose text differs from the built-in one is parsed as it is.
@Suite struct CompiledCatalogTests {
    @Test func everyCompiledDocumentIsWhatParsingItsTextGives() throws {
        let yamlFiles = EmbeddedFiles.files.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }
        #expect(yamlFiles.count >= 13, "the built-in catalog's YAML files are compiled in")
        for file in yamlFiles {
            let encoded = try #require(file.yamlTree, "\(file.path) has no compiled document")
            let compiled = try #require(YAMLTree(encoded: encoded), "\(file.path): the compiled document is unreadable")
            #expect(compiled == (try YAMLTree.parse(file.text)), "\(file.path)")
        }
    }

    /// The checkout's `Contracts/` folder, read from disk, is the built-in catalog: no file of it is parsed again.
    @Test func theCheckoutsCatalogFilesAreReadFromTheCompiledDocuments() throws {
        let folder = PackageRoot.path("Contracts")
        let files =
            try ContractCatalog.contractFiles(in: folder)
            + ContractCatalog.contractFiles(in: folder.appendingPathComponent("deviations"))
        #expect(files.count >= 14)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(BuiltInCatalog.parsedDocument(ofText: text) != nil, "\(url.path) is parsed again at start")
        }
    }

    @Test func theEncodedFormKeepsEveryScalarLineAndStyle() throws {
        let text = """
            top:
              plain: 12
              quoted: "12"
              single: 'it''s'
              escapes: "tab\\there\\r\\n\\\\ \\u00e9"
              empty: ""
              unicode: "Größe — ✓"
              block: |
                two lines
                and "quotes"
              folded: >
                one
                line
              list: [a, "b", {k: v}]
              nested:
                - {x: 1}
                - - deep
            """
        let tree = try #require(try YAMLTree.parse(text))
        #expect(YAMLTree(encoded: tree.encoded) == tree)
        #expect(tree["top"]?["quoted"]?.isPlainScalar == false)
        #expect(tree["top"]?["plain"]?.int == 12)
        #expect(tree["top"]?["quoted"]?.int == nil)
        #expect(tree["top"]?["block"]?.scalar == "two lines\nand \"quotes\"\n")
        #expect(tree["top"]?["list"]?.line == 14)
        #expect(tree["top"]?["escapes"]?.scalar == "tab\there\r\n\\ é")
        #expect(tree["top"]?["nested"]?.sequence?[1].sequence?[0].scalar == "deep")
    }

    @Test(
        arguments: [
            ("12", 12), ("-3", -3), ("+7", 7), ("0", 0), ("017", 15), ("0x1F", 31), ("0b101", 5), ("1_000", 1000),
            ("1:30", 90), ("12.5", nil), ("ten", nil), ("99999999999999999999", nil), ("\"12\"", nil),
        ] as [(String, Int?)]
    )
    func integersReadAsYAMLReadsThem(_ spelling: String, _ expected: Int?) throws {
        let tree = try #require(try YAMLTree.parse("n: \(spelling)"))
        #expect(tree["n"]?.int == expected)
    }

    @Test(arguments: ["", "x", "m1 2\np1 1\na\n", "p1 5\nabc\n", "s1 1\np1 1\nab\n", "p1 1\na\nextra"])
    func textThatIsNotTheEncodedFormIsRefused(_ text: String) {
        #expect(YAMLTree(encoded: text) == nil)
    }

    /// An unchanged catalog folder loads the same contracts as the built-in catalog; a file edited in it is parsed
    /// again, and its error names the file and line.
    @Test func anEditedCatalogFileIsParsedAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in BuiltInCatalog.contractFiles {
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            try file.text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let unchanged = try ContractCatalog.load(folder: folder)
        #expect(unchanged.contracts.map(\.id) == (try BuiltInCatalog.load()).contracts.map(\.id))

        let edited = folder.appendingPathComponent("times.yaml")
        let lines = try String(contentsOf: edited, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("severity: ") })
        var changed = lines
        changed[index] = lines[index].replacingOccurrences(of: "severity: ", with: "severity: fatal-")
        try changed.joined(separator: "\n").write(to: edited, atomically: true, encoding: .utf8)
        do {
            _ = try ContractCatalog.load(folder: folder)
            Issue.record("an edited file with a bad severity loaded")
        } catch {
            #expect(error.line == index + 1, "\(error.description)")
            #expect(error.file.hasSuffix("times.yaml"))
            #expect(error.problem.contains("is not error or warning"))
        }
    }
}
