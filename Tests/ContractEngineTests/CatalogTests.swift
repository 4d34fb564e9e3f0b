import ContractEngine
import Foundation
import RawJSON
import TestSupport
import Testing

@Suite struct CatalogTests {
    @Test func swiftContractsAndCatalogEntriesMatchOneToOne() {
        let swiftInCatalog = Set(
            Fixtures.catalog.contracts.filter {
                if case .swift = $0.implementation { return true }
                return false
            }.map(\.id)
        )
        let registered = Set(CodeContractRegistry.all.map(\.id))
        #expect(registered.subtracting(swiftInCatalog).sorted() == [], "Swift contracts missing from Contracts/")
        #expect(swiftInCatalog.subtracting(registered).sorted() == [], "catalog entries without a Swift implementation")
    }

    /// `wire.*` lives in `wire.yaml`, `pagination.*` in `pagination.yaml` (a plural file name holds the singular
    /// prefix: `sequence.*` in `sequences.yaml`, `scenario.*` in `scenarios.yaml`).
    @Test func contractIdPrefixesMatchTheirFileNames() {
        for contract in Fixtures.catalog.contracts {
            let stem = URL(fileURLWithPath: contract.file).deletingPathExtension().lastPathComponent
            let prefix = String(contract.id.prefix { $0 != "." })
            #expect(
                stem == prefix || stem == prefix + "s",
                "\(contract.id) is in \(stem).yaml; move it to \(prefix).yaml"
            )
        }
    }

    /// Every contract cites the project's own evidence page, at an anchor the page has; nothing in the repository
    /// cites a file the repository does not hold.
    @Test func everyContractCitesTheEvidencePage() throws {
        let page = try String(contentsOf: PackageRoot.path("docs/aws-behaviour.md"), encoding: .utf8)
        for contract in Fixtures.catalog.contracts {
            let reference = contract.source.reference ?? ""
            let anchors = reference.components(separatedBy: "docs/aws-behaviour.md#").dropFirst()
                .map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "-" }) }
            #expect(!anchors.isEmpty, "\(contract.id): reference does not cite docs/aws-behaviour.md#SECTION")
            for anchor in anchors {
                #expect(
                    page.contains("<a id=\"\(anchor)\"></a>"),
                    "\(contract.id): docs/aws-behaviour.md has no #\(anchor)"
                )
            }
        }
        let outsideFile = "ssm-" + "semantics"
        for folder in ["Sources", "Contracts", "Tests", "docs", "Recordings"] {
            let root = PackageRoot.path(folder)
            let files =
                FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
                ?? []
            for file in files where ["swift", "yaml", "md", "json"].contains(file.pathExtension) {
                let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                #expect(
                    !text.contains(outsideFile),
                    "\(file.path) cites \(outsideFile).md, which the repository does not hold"
                )
            }
        }
        #expect(!(try String(contentsOf: PackageRoot.path("README.md"), encoding: .utf8)).contains(outsideFile))
    }

    @Test func everySeedQuoteIsInItsSeed() throws {
        func normalized(_ text: String) -> String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        for contract in Fixtures.catalog.contracts where contract.source.kind == .seed {
            let seed = try #require(contract.source.seed)
            let text = try String(contentsOf: PackageRoot.path("Contracts/seeds/\(seed)"), encoding: .utf8)
            let quote = try #require(contract.source.quote)
            #expect(normalized(text).contains(normalized(quote)), "\(contract.id): quote not found in \(seed)")
        }
    }

    @Test func everyContractNamesItsOperationsAndFields() {
        for contract in Fixtures.catalog.contracts {
            #expect(!contract.appliesTo.isEmpty, "\(contract.id)")
            #expect(!contract.fields.isEmpty, "\(contract.id)")
            #expect(!contract.statement.isEmpty, "\(contract.id)")
        }
    }

    @Test func selectionByIdAndGlob() throws {
        let catalog = Fixtures.catalog
        #expect(try catalog.selecting(only: ["status.*"], skip: []).contracts.allSatisfy { $0.id.hasPrefix("status.") })
        #expect(
            try catalog.selecting(only: [], skip: ["sequence.*", "times.elapsed-consistent"]).contracts.count
                == catalog.contracts.count - 5
        )
        #expect(throws: CatalogError.self) { try catalog.selecting(only: ["no.such-contract"], skip: []) }
        #expect(Glob.matches("sequence.?tart-*", "sequence.start-fixed"))
        #expect(!Glob.matches("status.*", "sequence.start-fixed"))
    }

    @Test(arguments: [
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: fatal\n",
            "severity \"fatal\" is not error or warning"
        ),
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: error\n    source: {kind: model, reference: r}\n    applies-to: [{operation: GetCommandInvocation}]\n    rule: {expects: {field: Status, equals: x}}\n",
            "unknown key \"expects\""
        ),
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: error\n    source: {kind: seed, seed: s.txt}\n    rule: {expect: {field: Status, equals: x}}\n",
            "needs \"seed\" (the file) and \"quote\""
        ),
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: error\n    source: {kind: model, reference: r}\n    applies-to: [{operation: GetCommandInvocation}]\n    implementation: swift\n",
            "has no Swift contract"
        ),
        ("contracts: [\n", "is not valid YAML"),
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: error\n    source: {kind: model, reference: r}\n    applies-to: [{operation: GetCommandInvocation}]\n    rule: {expect: {field: Status, present: \"true\"}}\n",
            "present must be true or false"
        ),
        (
            "contracts:\n  - id: a.b\n    statement: x\n    severity: error\n    source: {kind: model, reference: r}\n    applies-to: [{operation: GetCommandInvocation}]\n    rule: {expect: {field: Status, present: maybe}}\n",
            "present must be true or false"
        ),
    ])
    func malformedContractFilesNameTheProblem(_ text: String, _ expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("contracts-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let contracts = try ContractCatalog.load(folder: PackageRoot.path("Contracts"), additional: [url])
            Issue.record("loaded \(contracts.contracts.count) contracts from a malformed file")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.file == url.path)
        }
    }

    @Test func userContractFilesAddRules() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("team-\(UUID().uuidString).yaml")
        try """
        contracts:
          - id: team.document-is-ours
            statement: We only run our own documents.
            source: {kind: observed, reference: team policy}
            severity: error
            applies-to: [{operation: GetCommandInvocation}]
            fields: [DocumentName]
            rule:
              expect: {field: DocumentName, pattern: "^Team-"}
        """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let catalog = try ContractCatalog.load(folder: PackageRoot.path("Contracts"), additional: [url])
        let report = Fixtures.report([Fixtures.gci(Fixtures.gciSuccess)], catalog: catalog)
        #expect(Fixtures.failing(report) == ["team.document-is-ours"])
    }

    /// Flags are read as YAML 1.1 spells booleans (the catalog is parsed without resolving scalar types).
    @Test func flagsReadYAMLBooleans() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("team-\(UUID().uuidString).yaml")
        let header =
            "source: {kind: observed, reference: team policy}, severity: error, applies-to: [{operation: GetCommandInvocation}]"
        try """
        contracts:
          - {id: team.any-case, statement: x, \(header), rule: {expect: {field: Status, one-of: [success], ignore-case: yes}}}
          - {id: team.exact-case, statement: x, \(header), rule: {expect: {field: Status, one-of: [success], ignore-case: OFF}}}
          - {id: team.status-absent, statement: x, \(header), rule: {expect: {field: Status, present: No}}}
        """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let catalog = try ContractCatalog.load(folder: PackageRoot.path("Contracts"), additional: [url])
        let report = Fixtures.report([Fixtures.gci(Fixtures.gciSuccess)], catalog: catalog)
        let failing = Fixtures.failing(report).filter { $0.hasPrefix("team.") }
        #expect(failing == Set(["team.exact-case", "team.status-absent"]))
    }

    @Test func markdownTableListsEveryContract() {
        let table = ContractTable.markdown(Fixtures.catalog)
        for contract in Fixtures.catalog.contracts { #expect(table.contains("`\(contract.id)`")) }
    }
}
