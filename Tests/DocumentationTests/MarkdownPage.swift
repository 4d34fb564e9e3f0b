import Foundation
import TestSupport

/// A Markdown file of the repository, read for its headings and links (code blocks and code spans skipped).
struct MarkdownPage {
    /// A `[text](target)` link.
    struct Link: Equatable {
        /// The target as written, e.g. `../README.md#start-here`.
        var target: String
        /// The part before `#` (empty for a link within the page).
        var path: String { String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
        /// The part after `#`, if any.
        var anchor: String? {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 ? String(parts[1]) : nil
        }
        var isExternal: Bool { target.contains("://") || target.hasPrefix("mailto:") }
    }

    let relativePath: String
    let text: String

    init(relativePath: String, text: String) {
        self.relativePath = relativePath
        self.text = text
    }

    init(relativePath: String) throws {
        self.init(
            relativePath: relativePath,
            text: try String(contentsOf: PackageRoot.path(relativePath), encoding: .utf8)
        )
    }

    /// README.md, every docs/*.md, and the two format references.
    static func documentation() throws -> [MarkdownPage] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: PackageRoot.path("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return try (["README.md", "Recordings/README.md", "Contracts/README.md"] + docs).map {
            try MarkdownPage(relativePath: $0)
        }
    }

    var lineCount: Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
    }

    /// The lines outside fenced code blocks.
    private var proseLines: [Substring] {
        var inFence = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                return false
            }
            return !inFence
        }
    }

    /// The GitHub anchors of the page's headings (`-1`, `-2` … for repeated ones) and of explicit `<a id="…">`/`<a name="…">`.
    var anchors: Set<String> {
        var seen: [String: Int] = [:]
        var result: Set<String> = []
        for line in proseLines {
            if line.hasPrefix("#") {
                let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                let base = Self.anchor(ofHeading: heading)
                let count = seen[base, default: 0]
                seen[base] = count + 1
                result.insert(count == 0 ? base : "\(base)-\(count)")
            }
            for match in line.matches(of: /<a (?:id|name)="([^"]+)"/) { result.insert(String(match.1)) }
        }
        return result
    }

    /// The links outside code blocks and code spans.
    var links: [Link] {
        proseLines.flatMap { line -> [Link] in
            let withoutCode = line.replacing(/`[^`]*`/, with: "")
            return withoutCode.matches(of: /\]\(([^)\s]+)\)/).map { Link(target: String($0.1)) }
        }
    }

    /// GitHub's anchor for a heading: inline markup removed, lower-cased, punctuation dropped, spaces → `-`.
    static func anchor(ofHeading heading: String) -> String {
        let plain = heading.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.1) }
        return String(
            plain.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
                return nil
            }
        )
    }

    /// What is wrong with `link` in `page`, or nil when it resolves.
    static func problem(with link: Link, in page: MarkdownPage) throws -> String? {
        guard let targetPath = link.path.isEmpty ? page.relativePath : resolve(link.path, from: page.relativePath)
        else {
            return "\(link.target): points outside the repository"
        }
        let target = link.path.isEmpty ? page : nil
        if target == nil, !FileManager.default.fileExists(atPath: PackageRoot.path(targetPath).path) {
            return "\(link.target): no such file (\(targetPath))"
        }
        guard let anchor = link.anchor else { return nil }
        guard targetPath.hasSuffix(".md") else { return "\(link.target): an anchor into a file that is not Markdown" }
        let anchors = try (target ?? MarkdownPage(relativePath: targetPath)).anchors
        return anchors.contains(anchor) ? nil : "\(link.target): no heading with this anchor in \(targetPath)"
    }

    /// `relative` resolved against the folder of `pagePath` (both relative to the package root), or nil above the root.
    static func resolve(_ relative: String, from pagePath: String) -> String? {
        var components = pagePath.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
