import Foundation
import TestSupport
import Testing

/// The console examples of docs/audit.md and docs/verify-and-check.md are what the built binary prints today.
///
/// A `$ ssm-contract …` line whose arguments name files of this repository is run (in the package root) and
/// compared with the lines below it, up to the next `$` line; `$ echo $?` after it is its exit status. An example
/// with a line `…` is an excerpt: its lines appear in the output in order, and a line ending in `…` matches the
/// output line it begins. Examples over files the page invents (`leaky.json`, `page.json`) are not run.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DocsConsoleExampleTests {
    struct Example {
        var arguments: [String]
        var expected: [String] = []
        var status: Int32?
    }

    /// The runnable examples of `page`'s ```text blocks.
    static func examples(_ page: String) throws -> [Example] {
        let text = try String(contentsOf: PackageRoot.path(page), encoding: .utf8)
        var examples: [Example] = []
        var current: Example?
        var inBlock = false
        func finish() {
            if let done = current { examples.append(done) }
            current = nil
        }
        var statusFollows = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if inBlock { finish() }
                inBlock = line == "```text" && !inBlock
                continue
            }
            guard inBlock else { continue }
            if statusFollows {
                statusFollows = false
                current?.status = Int32(line)
                continue
            }
            if line == "$ echo $?" {
                statusFollows = true
                continue
            }
            if line.hasPrefix("$ ") {
                finish()
                let words = line.dropFirst(2).split(separator: " ").map(String.init)
                guard words.first == "ssm-contract", words.dropFirst().allSatisfy(Self.isRunnable) else { continue }
                current = Example(arguments: Array(words.dropFirst()))
                continue
            }
            current?.expected.append(line)
        }
        return examples
    }

    /// A flag, a subcommand or operation name, or a path that exists in the repository (not a pipe, not a file
    /// the page invents).
    static func isRunnable(_ word: String) -> Bool {
        if word.hasPrefix("-") { return true }
        if ["audit", "verify", "check", "skeleton", "get-command-invocation", "list-command-invocations"].contains(word)
        {
            return true
        }
        return (word.contains("/") || word.contains(".") || word.first?.isUppercase == true)
            && FileManager.default.fileExists(atPath: PackageRoot.path(word).path)
    }

    /// Whether `expected` (an excerpt when it has a `…` line) describes `actual`.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        guard expected.contains("…") else { return expected == actual }
        var remaining = actual[...]
        for line in expected where line != "…" {
            let found = remaining.firstIndex { candidate in
                line.hasSuffix("…") ? candidate.hasPrefix(String(line.dropLast())) : candidate == line
            }
            guard let found else { return false }
            remaining = remaining[(found + 1)...]
        }
        return true
    }

    @Test(arguments: ["docs/audit.md", "docs/verify-and-check.md"])
    func theRunnableConsoleExamplesAreWhatTheBinaryPrints(page: String) async throws {
        let examples = try Self.examples(page)
        if page == "docs/audit.md" { #expect(examples.contains { $0.arguments == ["audit", "Recordings"] }) }
        for example in examples {
            let run = try await BuiltCLI.run(example.arguments)
            let output = (run.out + run.err).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let actual = output.last == "" ? Array(output.dropLast()) : output
            #expect(
                Self.matches(example.expected, actual),
                "\(page): `ssm-contract \(example.arguments.joined(separator: " "))` printed:\n\(actual.joined(separator: "\n"))"
            )
            if let status = example.status { #expect(run.status == status) }
        }
    }

    /// `make verify`'s abridged report in docs/verify-and-check.md is an excerpt of `ssm-contract verify Recordings`.
    @Test func theVerifyReportExcerptIsWhatMakeVerifyPrints() async throws {
        let page = try String(contentsOf: PackageRoot.path("docs/verify-and-check.md"), encoding: .utf8)
        let block = try #require(
            page.components(
                separatedBy:
                    "`ssm-contract verify Recordings`; the examples below over files like `inflight.json` stand for files of yours):\n\n```text\n"
            ).dropFirst().first?
            .components(separatedBy: "\n```").first
        )
        let run = try await BuiltCLI.run(["verify", "Recordings"])
        #expect(run.status == 0, "\(run.err)")
        let expected = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let actual = run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Self.matches(expected, actual), "docs/verify-and-check.md's report is out of date:\n\(run.out)")
    }
}
