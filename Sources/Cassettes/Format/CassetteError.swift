/// A cassette file that cannot be read or written, with the file, the field and what to do.
public struct CassetteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cassette file.
    public let file: String
    /// The JSON path of the offending field (`interactions[2].response.status`), or `nil` for the whole file.
    public let field: String?
    /// What is wrong.
    public let problem: String
    /// What to do about it.
    public let remedy: String

    public init(file: String, field: String? = nil, problem: String, remedy: String) {
        self.file = file
        self.field = field
        self.problem = problem
        self.remedy = remedy
    }

    /// One line: `FILE: FIELD: PROBLEM; REMEDY`.
    public var description: String {
        var text = file + ": "
        if let field { text += field + ": " }
        return text + problem + "; " + remedy
    }
}
