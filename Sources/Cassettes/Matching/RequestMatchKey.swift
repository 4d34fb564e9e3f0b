import Foundation
import RawJSON

/// What a matcher compares, as one hashable value: two requests match exactly when their keys are equal.
///
/// Replay indexes a cassette by key, so finding the recorded answers of a request costs one hash lookup
/// instead of a comparison with every recorded request. ``AWSJSONRequestMatcher`` defines its matching by
/// this key (its ``RequestMatcher/matches(_:_:)`` compares keys), so the index and the comparison are one rule.
public struct RequestMatchKey: Sendable, Hashable {
    /// The compared parts besides the body, each a list of values (a header's values, a query's parameters).
    public let fields: [[String]]
    /// The body as compared.
    public let body: Body
    /// The hash of `fields` and `body`, computed once: a replay looks a request's key up several times, and
    /// hashing a JSON body means walking it.
    private let digest: Int

    /// A key from its parts.
    public init(fields: [[String]], body: Body) {
        self.fields = fields
        self.body = body
        var hasher = Hasher()
        hasher.combine(fields)
        hasher.combine(body)
        self.digest = hasher.finalize()
    }

    public static func == (lhs: RequestMatchKey, rhs: RequestMatchKey) -> Bool {
        lhs.digest == rhs.digest && lhs.fields == rhs.fields && lhs.body == rhs.body
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// A body as matching compares it: as parsed JSON when it is JSON (key order, whitespace and number
    /// spelling do not matter; equality is ``RawJSON/JSONValue/semanticallyEquals(_:)``), else its bytes.
    public enum Body: Sendable, Hashable {
        /// A JSON body.
        case json(SemanticJSON)
        /// Any other body, empty included.
        case bytes(Data)

        /// The key of `body`.
        public init(_ body: RecordedBody) {
            if let json = body.json { self = .json(SemanticJSON(json)) } else { self = .bytes(body.data) }
        }
    }
}

/// A JSON value whose equality is ``RawJSON/JSONValue/semanticallyEquals(_:)`` and whose hash agrees with it:
/// objects hash their (de-duplicated) members independently of order, numbers hash their value.
public struct SemanticJSON: Sendable, Hashable {
    /// The value as parsed.
    public let value: JSONValue

    /// Wraps `value`.
    public init(_ value: JSONValue) { self.value = value }

    public static func == (lhs: SemanticJSON, rhs: SemanticJSON) -> Bool { lhs.value.semanticallyEquals(rhs.value) }

    public func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let flag): hasher.combine(flag ? 1 as UInt8 : 2)
        case .number(let number):
            hasher.combine(3 as UInt8)
            // Equal literals, or literals of equal doubles, must hash alike (1.5E9 and 1500000000; 0 and -0).
            if let double = number.doubleValue {
                hasher.combine(double == 0 ? 0 : double)
            } else {
                hasher.combine(number.literal)
            }
        case .string(let text):
            hasher.combine(4 as UInt8)
            hasher.combine(text)
        case .array(let elements):
            hasher.combine(5 as UInt8)
            hasher.combine(elements.count)
            for element in elements { hash(element, into: &hasher) }
        case .object(let object):
            hasher.combine(6 as UInt8)
            let members = object.uniqueMembers
            hasher.combine(members.count)
            // Order-independent: each member hashed on its own, the results combined commutatively.
            var combined = 0
            for (key, member) in members {
                var own = Hasher()
                own.combine(key)
                hash(member, into: &own)
                combined &+= own.finalize()
            }
            hasher.combine(combined)
        }
    }
}
