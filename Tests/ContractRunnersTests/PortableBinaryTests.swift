import Foundation
import TestSupport
import Testing

/// The built binary copied out of the checkout still works: the catalog, the deviations, the seeds and the SSM
/// model are compiled in, and `--catalog DIR` still overrides them.
@Suite(.serialized, .timeLimit(.minutes(2))) struct PortableBinaryTests {
    static let example = "Recordings/aws-docs/get-command-invocation-cli-example.json"
    static let inflight =
        #"{"CommandId":"0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3","InstanceId":"i-0123456789abcdef0","Status":"InProgress","StatusDetails":"InProgress","StandardOutputContent":"partial output\n","StandardErrorContent":""}"#

    /// A fresh folder outside the checkout, holding a copy of the built `ssm-contract`, removed afterwards.
    static func withCopiedBinary(_ body: (URL, URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("ssm-contract")
        try FileManager.default.copyItem(at: try BuiltProducts.ssmContract, to: binary)
        try body(folder, binary)
    }

    /// No catalog variable, no checkout around: only what the binary carries.
    static func environment(_ folder: URL) -> [String: String] { ["PATH": "/usr/bin:/bin", "HOME": folder.path] }

    @Test func aCopiedBinaryVerifiesWithTheBuiltInCatalogExactlyAsInTheCheckout() throws {
        try Self.withCopiedBinary { folder, binary in
            try FileManager.default.copyItem(
                at: PackageRoot.path(Self.example),
                to: folder.appendingPathComponent("example.json")
            )
            let copied = try BuiltCLI.run(
                ["verify", "example.json"],
                in: folder,
                environment: Self.environment(folder),
                executable: binary
            )
            #expect(copied.status == 0, "\(copied.err)")
            let inCheckout = try BuiltCLI.run(["verify", Self.example])
            #expect(inCheckout.status == 0)
            #expect(copied.out == inCheckout.out.replacingOccurrences(of: Self.example, with: "example.json"))
            #expect(
                copied.out.contains("Summary: \(try Self.contractCount(in: PackageRoot.path("Contracts"))) contracts")
            )
        }
    }

    @Test func aCopiedBinaryChecksAResponseAndPrintsSkeletons() throws {
        try Self.withCopiedBinary { folder, binary in
            let check = try BuiltCLI.run(
                ["check", "get-command-invocation", "-"],
                input: Self.inflight,
                in: folder,
                environment: Self.environment(folder),
                executable: binary
            )
            #expect(check.status == 1, "\(check.err)")
            #expect(check.out.contains("FAIL         output.empty-until-terminal"))
            let skeleton = try BuiltCLI.run(
                ["skeleton", "get-command-invocation"],
                in: folder,
                environment: Self.environment(folder),
                executable: binary
            )
            #expect(skeleton.status == 0)
            #expect(skeleton.out.hasPrefix("{\n    \"CommandId\": \"\","))
        }
    }

    @Test func catalogStillOverridesTheBuiltInOne() throws {
        try Self.withCopiedBinary { folder, binary in
            let custom = folder.appendingPathComponent("custom")
            try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: PackageRoot.path("Contracts/ids.yaml"),
                to: custom.appendingPathComponent("ids.yaml")
            )
            try FileManager.default.copyItem(
                at: PackageRoot.path(Self.example),
                to: folder.appendingPathComponent("example.json")
            )
            let run = try BuiltCLI.run(
                ["verify", "--catalog", "custom", "example.json"],
                in: folder,
                environment: Self.environment(folder),
                executable: binary
            )
            #expect(run.status == 0, "\(run.err)")
            #expect(run.out.contains("Summary: \(try Self.contractCount(in: custom)) contracts"))
            let missing = try BuiltCLI.run(
                ["verify", "--catalog", "nowhere", "example.json"],
                in: folder,
                environment: Self.environment(folder),
                executable: binary
            )
            #expect(missing.status == 2)
            #expect(missing.err.contains("--catalog nowhere: nowhere is not a contract catalog folder"))
        }
    }

    @Test func pathsAreShownAsGivenRelativeStaysRelative() throws {
        try Self.withCopiedBinary { folder, _ in
            let work = folder.appendingPathComponent("work")
            let recordings = folder.appendingPathComponent("recordings")
            for made in [work, recordings] {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            }
            let listing = "list-command-invocations-cli-example.json"
            try FileManager.default.copyItem(
                at: PackageRoot.path("Recordings/aws-docs/" + listing),
                to: recordings.appendingPathComponent(listing)
            )
            let verify = try BuiltCLI.run(["verify", "../recordings"], in: work)
            #expect(verify.status == 0, "\(verify.err)")
            #expect(
                verify.out.contains(
                    "? ../recordings/\(listing) interactions[0] $.CommandInvocations[0].CommandPlugins[0].Name"
                )
            )
            #expect(
                !verify.out.contains(folder.path),
                "an absolute path where a relative one was given:\n\(verify.out)"
            )
            try Data("contracts: [\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
            let broken = try BuiltCLI.run(["verify", "--contracts", "../broken.yaml", "../recordings"], in: work)
            #expect(broken.status == 2)
            #expect(broken.err.hasPrefix("ssm-contract: ../broken.yaml"), "\(broken.err)")
            #expect(!broken.err.contains(folder.path))
        }
    }

    /// How many contracts the YAML files of `folder` define.
    static func contractCount(in folder: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.reduce(0) {
            count,
            name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return count + text.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.count
        }
    }
}
