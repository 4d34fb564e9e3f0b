import RawJSON

/// A path to the subjects of a contract inside a response: `$`, `$.CommandInvocations[*]`,
/// `$.CommandInvocations[*].CommandPlugins[*]`. `[*]` visits every element of a list.
public struct SubjectPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of the path.
    public enum Step: Sendable, Hashable {
        case member(String)
        case each
    }

    /// The steps after `$`.
    public let steps: [Step]
    public let description: String

    /// Parses `$`, `$.A`, `$.A[*].B[*]`; `nil` when the text is not of that form.
    public init?(_ text: String) {
        guard text.hasPrefix("$") else { return nil }
        var steps: [Step] = []
        var rest = Substring(text.dropFirst())
        while !rest.isEmpty {
            if rest.hasPrefix("[*]") {
                steps.append(.each)
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let name = rest[..<end]
                guard !name.isEmpty else { return nil }
                steps.append(.member(String(name)))
                rest = rest[end...]
            } else {
                return nil
            }
        }
        self.steps = steps
        self.description = text
    }

    /// The root of the response.
    public static let root = SubjectPath("$")!

    /// Calls `visit` with every subject and the list indices that lead to it.
    public func forEachSubject(in value: JSONValue, _ visit: (JSONValue, [Int]) -> Void) {
        var indices: [Int] = []
        walk(value, step: 0, indices: &indices, visit)
    }

    private func walk(_ value: JSONValue, step: Int, indices: inout [Int], _ visit: (JSONValue, [Int]) -> Void) {
        guard step < steps.count else {
            visit(value, indices)
            return
        }
        switch steps[step] {
        case .member(let name):
            guard case .object(let object) = value, let child = object[name] else { return }
            walk(child, step: step + 1, indices: &indices, visit)
        case .each:
            guard case .array(let elements) = value else { return }
            for (i, element) in elements.enumerated() {
                indices.append(i)
                walk(element, step: step + 1, indices: &indices, visit)
                indices.removeLast()
            }
        }
    }

    /// The concrete JSON path of one subject, e.g. `$.CommandInvocations[2]`.
    public func concrete(_ indices: [Int]) -> String {
        var text = "$"
        var next = 0
        for step in steps {
            switch step {
            case .member(let name): text += "." + name
            case .each:
                text += "[\(next < indices.count ? String(indices[next]) : "*")]"
                next += 1
            }
        }
        return text
    }
}

/// A dotted path of member names relative to a subject or to the request, e.g.
/// `CloudWatchOutputConfig.CloudWatchLogGroupName`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The member names.
    public let names: [String]

    public init(_ text: String) {
        names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    public var description: String { names.joined(separator: ".") }

    /// The value at this path, or `nil` when a member is absent (or an intermediate value is not an object).
    public func lookup(in value: JSONValue) -> JSONValue? {
        guard case .object(let first) = value, let head = Self.member(first, names[0]) else { return nil }
        if names.count == 1 { return head }
        var current = head
        for name in names.dropFirst() {
            guard case .object(let object) = current, let next = Self.member(object, name) else { return nil }
            current = next
        }
        return current
    }

    /// The last member named `name` (as JSON readers do), compared in place without copying each member.
    @inline(__always)
    static func member(_ object: JSONObject, _ name: String) -> JSONValue? {
        object.members.withUnsafeBufferPointer { members in
            var i = members.count - 1
            while i >= 0 {
                if members[i].key == name { return members[i].value }
                i -= 1
            }
            return nil
        }
    }
}
