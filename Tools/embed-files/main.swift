// Writes a Swift file that holds the text of the given files, for the EmbedFiles build plugin.
//
// usage: embed-files OUTPUT ROOT FILE...
// Each FILE (relative to ROOT) becomes one entry of `EmbeddedFiles.files`, in the order given, holding the exact
// text of the file. A file that is not UTF-8, or holds a carriage return (a Swift string literal would not keep
// it), is refused with one line naming it, and nothing is written.
import Foundation

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

var source = """
    // Generated at build time by the EmbedFiles plugin (Tools/embed-files) from the files below; do not edit.

    /// The text of files of the package, compiled in so that the binary needs no checkout at run time.
    enum EmbeddedFiles {
        /// Each file's path relative to the package root, and its text.
        static let files: [(path: String, text: String)] = [

    """
for file in files {
    let url = root.appendingPathComponent(file)
    guard let data = FileManager.default.contents(atPath: url.path) else { fail("\(file): cannot be read") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(file): is not UTF-8 text") }
    guard !text.contains("\r") else { fail("\(file): holds a carriage return; save it with LF line endings") }
    source += "        (\"\(file)\", \(literal(text))),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    fail("\(output.path): cannot be written (\(error.localizedDescription))")
}
