import Foundation
import TestSupport
import Testing

/// The two generated tables in docs/ are what their make targets write today: a contract or a recording added
/// without `make contracts-table` / `make conformance-table` fails here, so the pages never describe an older
/// catalog or older recordings.
@Suite struct GeneratedDocsTests {
    @Test func theContractsTableIsWhatMakeContractsTableWrites() throws {
        let listed = try BuiltCLI.run(["verify", "--list-contracts", "--markdown"])
        try #require(listed.status == 0, "\(listed.err)")
        let page = try String(contentsOf: PackageRoot.path("docs/verify-and-check.md"), encoding: .utf8)
        let section = try #require(
            page.components(separatedBy: "<!-- generated: contracts-table -->\n").last?
                .components(separatedBy: "<!-- /generated: contracts-table -->").first
        )
        #expect(section == listed.out, "docs/verify-and-check.md is out of date: run `make contracts-table`")
    }

    @Test func theConformanceTableIsWhatMakeConformanceTableWrites() throws {
        try #require(PythonTools.isInstalled, "\(PythonTools.missingMessage)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("conformance.md")
        let recordings = try FileManager.default.contentsOfDirectory(atPath: PackageRoot.path("Recordings").path)
        // The same folders, in the same order, as the Makefile's conformance-table target.
        let emulator = recordings.filter { $0.hasPrefix("mock-ssm-contract-emulator-") }.sorted()
        let folders = (emulator + ["mock-moto-5.2.1", "aws-docs"]).map { "Recordings/" + $0 }
        let run = try BuiltCLI.run(
            [
                PackageRoot.path("Benchmarks/conformance_table.py").path, try BuiltProducts.ssmContract.path,
                written.path,
            ] + folders,
            executable: PythonTools.program("python")
        )
        try #require(run.status == 0, "\(run.err)")
        let expected = try String(contentsOf: written, encoding: .utf8)
        let committed = try String(contentsOf: PackageRoot.path("docs/conformance.md"), encoding: .utf8)
        #expect(committed == expected, "docs/conformance.md is out of date: run `make conformance-table`")
    }
}
