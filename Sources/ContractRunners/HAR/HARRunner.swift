import Cassettes
import Foundation
import HTTPTransport
import RawJSON

/// What `ssm-contract har export` and `har import` run (``Export`` and ``Import``, the runners).
public enum HARRunner {
    /// Writes `cassette` as HAR 1.2 to `output` (atomically), or returns it when `output` is `nil` or `-`.
    /// - Returns: the HAR text when written to standard output, else `nil`.
    /// - Throws: ``RunnerError`` (exit 2) for an unreadable cassette or an unwritable output.
    package static func export(cassette path: String, output: String?) throws(RunnerError) -> String? {
        let outputs = OutputPaths().file("--output", output)
        try outputs.check()
        try outputs.refuse(overwriting: [URL(fileURLWithPath: path)], "the cassette to export")
        let cassette: Cassette
        do {
            cassette = try Cassette.load(from: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
        let text = JSONWriter.string(HARExport.document(cassette), style: .pretty) + "\n"
        guard let output, output != "-" else { return text }
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        } catch {
            throw RunnerError(
                "\(output): cannot write the HAR file (\(SystemErrorText.reason(error))); check that the folder exists and is writable",
                status: .badInput
            )
        }
        return nil
    }

    /// Builds a cassette from the awsJson1_1 entries of the HAR file at `path` and writes it to `output`
    /// (atomically; an existing file only with `force`).
    /// - Returns: the line to print: what was imported and what was skipped.
    /// - Throws: ``RunnerError`` (exit 2) for an unreadable or malformed HAR file, a HAR with no awsJson1_1
    ///   entry, an existing output without `force`, or an unwritable output.
    package static func importHAR(
        _ path: String,
        output: String,
        source: CassetteSource,
        force: Bool = false,
        redaction: RedactionOptions = RedactionOptions()
    ) throws(RunnerError) -> String {
        if !force, FileManager.default.fileExists(atPath: output) {
            throw RunnerError("\(output) exists; give another --output, or --force to replace it", status: .badInput)
        }
        let outputs = OutputPaths().file("--output", output)
        try outputs.check()
        try outputs.refuse(overwriting: [URL(fileURLWithPath: path)], "the HAR file to import")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RunnerError("\(path): cannot read the HAR file; check the path", status: .badInput)
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw RunnerError("\(path): not JSON (\(error)); a HAR file is a JSON document", status: .badInput)
        }
        let result = try HARImport.cassette(from: document, file: path, source: source, redaction: redaction)
        let skipped = result.skipped.values.reduce(0, +)
        guard !result.cassette.interactions.isEmpty else {
            throw RunnerError(
                "\(path): no awsJson1_1 entry (POST with X-Amz-Target and an application/x-amz-json-1.1 body) among \(skipped) entries; nothing to import",
                status: .badInput
            )
        }
        do {
            try result.cassette.save(to: URL(fileURLWithPath: output))
        } catch {
            throw RunnerError(error.description, status: .badInput)
        }
        let count = result.cassette.interactions.count
        var line = "imported \(count) \(count == 1 ? "interaction" : "interactions") from \(path) into \(output)"
        if skipped > 0 {
            let reasons = result.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
                separator: ", "
            )
            line += "; skipped \(skipped) \(skipped == 1 ? "entry" : "entries") (\(reasons))"
        }
        return line + "\n"
    }
}
