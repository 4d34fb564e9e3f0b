import Foundation
import TestSupport
import Testing

/// Every relative link in README.md, docs/*.md and the format references resolves: the file exists and,
/// for a `#anchor`, the page has a heading with that GitHub anchor.
@Suite struct DocumentLinksTests {
    @Test func everyRelativeLinkResolves() throws {
        let pages = try MarkdownPage.documentation()
        #expect(pages.map(\.relativePath).contains("README.md"))
        #expect(pages.contains { $0.relativePath.hasPrefix("docs/") })
        var broken: [String] = []
        for page in pages {
            for link in page.links where !link.isExternal {
                if let problem = try MarkdownPage.problem(with: link, in: page) {
                    broken.append("\(page.relativePath): \(problem)")
                }
            }
        }
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test func readmeIsTheFrontDoorAndLinksEveryPage() throws {
        let readme = try MarkdownPage(relativePath: "README.md")
        #expect(
            readme.lineCount <= 250,
            "README.md has \(readme.lineCount) lines; move job detail to its page under docs/"
        )
        let linked = Set(readme.links.map { $0.path })
        let pages = try FileManager.default.contentsOfDirectory(atPath: PackageRoot.path("docs").path).filter {
            $0.hasSuffix(".md")
        }
        for page in pages { #expect(linked.contains("docs/" + page), "README.md does not link docs/\(page)") }
    }

    @Test func anchorsFollowGitHubsRules() {
        #expect(
            MarkdownPage.anchor(ofHeading: "Record and replay in Swift: `CassetteTransport`")
                == "record-and-replay-in-swift-cassettetransport"
        )
        #expect(
            MarkdownPage.anchor(ofHeading: "check-cli: the skeleton contracts against a real AWS CLI")
                == "check-cli-the-skeleton-contracts-against-a-real-aws-cli"
        )
        #expect(MarkdownPage.anchor(ofHeading: "Polling (CommandExecuted)") == "polling-commandexecuted")
        #expect(MarkdownPage.anchor(ofHeading: "See [the format](x.md) here") == "see-the-format-here")
    }

    @Test func aMissingFileAndAMissingAnchorAreBothReported() throws {
        let page = MarkdownPage(
            relativePath: "docs/example.md",
            text: "# Title\n\n[a](../README.md) [b](missing.md) [c](#nope) [d](#title)\n```\n[e](in-code.md)\n```\n"
        )
        let problems = try page.links.compactMap { try MarkdownPage.problem(with: $0, in: page) }
        #expect(
            problems == [
                "missing.md: no such file (docs/missing.md)", "#nope: no heading with this anchor in docs/example.md",
            ]
        )
    }
}
