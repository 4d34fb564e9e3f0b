/// One way a JSON value breaks its shape in the SSM model.
public struct ShapeViolation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken.
    public enum Rule: String, Sendable {
        /// The JSON type does not fit the shape type (or an integer has a fraction).
        case type
        /// A required structure member is absent.
        case required
        /// A structure member the model does not define.
        case unknownMember
        /// String shorter than `min` (Unicode scalars) or list/map with fewer than `min` entries.
        case minLength
        /// String longer than `max` or list/map with more than `max` entries.
        case maxLength
        /// Number below `min`.
        case minValue
        /// Number above `max`.
        case maxValue
        /// String that does not match the pattern.
        case pattern
        /// String not among the enum values.
        case enumValue
        /// The model's pattern cannot be compiled (a model problem, not a value problem).
        case unusablePattern
    }

    /// Where in the value: `CommandInvocations[0].CommandPlugins[1].Name`; `$` for the value itself.
    public let path: String
    /// The shape the value was judged against.
    public let shape: String
    /// The rule broken.
    public let rule: Rule
    /// What is wrong, e.g. `length 9 is below the minimum 36`.
    public let message: String

    public init(path: String, shape: String, rule: Rule, message: String) {
        self.path = path
        self.shape = shape
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(path) (\(shape)): \(message)" }
}
