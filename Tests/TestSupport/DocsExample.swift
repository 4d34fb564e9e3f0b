import Foundation

/// A docs page's code example kept verbatim in a test source, between `// BEGIN DOCS EXAMPLE` and
/// `// END DOCS EXAMPLE` lines, so the test that compiles and runs it can check the page still shows it.
public enum DocsExample {
    /// The lines between the markers of the source file at `path` (pass `#filePath`).
    ///
    /// - Throws: ``DocsExampleMissing`` when the file has no such block.
    public static func quoted(inSourceFile path: String) throws -> String {
        let source = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        let begin = "// BEGIN DOCS EXAMPLE\n"
        guard let start = source.range(of: begin),
            let end = source.range(of: "// END DOCS EXAMPLE", range: start.upperBound..<source.endIndex)
        else { throw DocsExampleMissing(file: path) }
        return String(source[start.upperBound..<end.lowerBound])
    }
}

/// A test source without a `// BEGIN DOCS EXAMPLE` … `// END DOCS EXAMPLE` block.
public struct DocsExampleMissing: Error, CustomStringConvertible {
    public let file: String
    public var description: String { "\(file) has no // BEGIN DOCS EXAMPLE … // END DOCS EXAMPLE block" }
}
