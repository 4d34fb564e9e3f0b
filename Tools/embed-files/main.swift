// Writes a Swift file that holds the text of the given files, for the EmbedFiles build plugin.
//
// usage: embed-files OUTPUT ROOT FILE...
// Each FILE (relative to ROOT) becomes one entry of `EmbeddedFiles.files`, in the order given, holding the exact
// text of the file and, for a YAML file (`.yaml`, `.yml`), its document parsed now (`YAMLTree.encoded`; nil when the
// text is not valid YAML, so that reading it at run time reports the error as for any other file). A file that is
// not UTF-8, or holds a carriage return (a Swift string literal would not keep it), is refused with one line naming
// it, and nothing is written.
import Foundation
import YAMLTree

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-files: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else { fail("usage: embed-files OUTPUT ROOT FILE...") }
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
let files = arguments.dropFirst(2)

/// `text` as a raw multi-line string literal that yields exactly `text`.
func literal(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// `text` as a one-line string literal with escapes: for text (such as a parsed document) that may hold carriage
/// returns, which a multi-line literal would turn into line feeds.
func escapedLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

var source = """
    // Generated at build time by the EmbedFiles plugin (Tools/embed-files) from the files below; do not edit.

    /// The text of files of the package, compiled in so that the binary needs no checkout at run time.
    enum EmbeddedFiles {
        /// Each file's path relative to the package root, its text, and for a YAML file its document parsed at
        /// build time (`YAMLTree(encoded:)` reads it; nil when the text is not valid YAML).
        static let files: [(path: String, text: String, yamlTree: String?)] = [

    """
for file in files {
    let url = root.appendingPathComponent(file)
    guard let data = FileManager.default.contents(atPath: url.path) else { fail("\(file): cannot be read") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(file): is not UTF-8 text") }
    guard !text.contains("\r") else { fail("\(file): holds a carriage return; save it with LF line endings") }
    let isYAML = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
    let tree = isYAML ? (try? YAMLTree.parse(text)).map { escapedLiteral($0.encoded) } : nil
    source += "        (\"\(file)\", \(literal(text)), \(tree ?? "nil")),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    fail("\(output.path): cannot be written (\(error.localizedDescription))")
}
