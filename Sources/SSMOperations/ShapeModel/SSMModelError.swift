/// A model file or botocore service model that cannot be read, with what is wrong and where.
public struct SSMModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The one-line explanation.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
