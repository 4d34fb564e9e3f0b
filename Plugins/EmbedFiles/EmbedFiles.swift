import Foundation
import PackagePlugin

/// Compiles files of the package into a target: the target's `EmbeddedFiles.list` names them (one path or
/// `folder/*.ext` pattern per line, relative to the package root; `#` starts a comment), and the target gets an
/// internal `EmbeddedFiles.files` with each file's path and text. The files stay where reviewers read them
/// (e.g. `Contracts/`); the build picks up every change, and a copied binary needs no checkout.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `Target.directoryURL` needs tools version 6.1; the package declares 6.0.
        let list = URL(fileURLWithPath: target.directory.string).appendingPathComponent("EmbeddedFiles.list")
        let root = context.package.directoryURL
        let files = try Self.files(listedIn: list, root: root)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path, root.path] + files,
                inputFiles: [list] + files.map { root.appendingPathComponent($0) },
                outputFiles: [output]
            )
        ]
    }

    /// The listed files, patterns expanded (sorted), relative to `root`.
    static func files(listedIn list: URL, root: URL) throws -> [String] {
        let text = try String(contentsOf: list, encoding: .utf8)
        var files: [String] = []
        for line in text.split(separator: "\n") {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            guard let star = entry.range(of: "/*") else {
                files.append(entry)
                continue
            }
            let folder = String(entry[..<star.lowerBound])
            let suffix = String(entry[star.upperBound...])
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(suffix) }.sorted().map { folder + "/" + $0 }
        }
        return files
    }
}
