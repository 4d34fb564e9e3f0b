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

    /// Parses `$`, `$.A`, `$.A[*].B[*]` (``JSONPath`` syntax, members and `[*]` only); `nil` otherwise.
    public init?(_ text: String) {
        guard let path = try? JSONPath(parsing: text) else { return nil }
        var steps: [Step] = []
        for segment in path.segments {
            switch segment {
            case .member(let name): steps.append(.member(name))
            case .wildcard: steps.append(.each)
            case .index, .descendant: return nil
            }
        }
        self.steps = steps
        self.description = text
    }

    /// The root of the response.
    public static let root = SubjectPath("$")!

    /// Calls `visit` with every subject and the list indices that lead to it.
    public func forEachSubject(in value: JSONTape.Value, _ visit: (JSONTape.Value, [Int]) -> Void) {
        value.withView { root in
            forEachSubjectInPlace(in: root) { subject, indices in visit(value.tape.value(of: subject), Array(indices)) }
        }
    }

    /// Calls `visit` with every subject and the list indices that lead to it, kept in a buffer that is only
    /// valid during the call (no allocation per walk; copy it with `Array(_:)` to keep it).
    func forEachSubjectInPlace(in value: JSONTape.View, _ visit: (JSONTape.View, UnsafeBufferPointer<Int>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: steps.count) { indices in
            walk(value, step: 0, depth: 0, indices: indices, visit)
        }
    }

    private func walk(
        _ value: JSONTape.View,
        step: Int,
        depth: Int,
        indices: UnsafeMutableBufferPointer<Int>,
        _ visit: (JSONTape.View, UnsafeBufferPointer<Int>) -> Void
    ) {
        guard step < steps.count else {
            visit(value, UnsafeBufferPointer(rebasing: indices[0..<depth]))
            return
        }
        switch steps[step] {
        case .member(let name):
            guard let child = value[name] else { return }
            walk(child, step: step + 1, depth: depth, indices: indices, visit)
        case .each:
            var i = 0
            value.forEachElement { element in
                indices[depth] = i
                walk(element, step: step + 1, depth: depth + 1, indices: indices, visit)
                i += 1
            }
        }
    }

    /// The concrete JSON path of one subject, e.g. `$.CommandInvocations[2]`.
    public func concrete(_ indices: some RandomAccessCollection<Int>) -> String {
        var text = "$"
        var next = 0
        for step in steps {
            switch step {
            case .member(let name): text += "." + name
            case .each:
                text +=
                    "[\(next < indices.count ? String(indices[indices.index(indices.startIndex, offsetBy: next)]) : "*")]"
                next += 1
            }
        }
        return text
    }
}

/// A dotted path of member names relative to a subject or to the request, e.g.
/// `CloudWatchOutputConfig.CloudWatchLogGroupName` (the members of the ``JSONPath``
/// `$.CloudWatchOutputConfig.CloudWatchLogGroupName` below the subject).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The member names.
    public let names: [String]

    public init(_ text: String) {
        names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    public var description: String { names.joined(separator: ".") }

    /// The value at this path, or `nil` when a member is absent (or an intermediate value is not an object).
    public func lookup(in value: JSONTape.View) -> JSONTape.View? {
        guard let head = value[names[0]] else { return nil }
        return lookup(below: head)
    }

    /// The value at this path, given the value of its first name.
    func lookup(below head: JSONTape.View) -> JSONTape.View? {
        var current = head
        for name in names.dropFirst() {
            guard let next = current[name] else { return nil }
            current = next
        }
        return current
    }
}
