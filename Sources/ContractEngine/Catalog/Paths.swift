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
        forEachSubjectInPlace(in: value) { subject, indices in visit(subject, Array(indices)) }
    }

    /// Calls `visit` with every subject and the list indices that lead to it, kept in a buffer that is only
    /// valid during the call (no allocation per walk; copy it with `Array(_:)` to keep it).
    func forEachSubjectInPlace(in value: JSONValue, _ visit: (JSONValue, UnsafeBufferPointer<Int>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: steps.count) { indices in
            walk(value, step: 0, depth: 0, indices: indices, visit)
        }
    }

    private func walk(
        _ value: JSONValue, step: Int, depth: Int, indices: UnsafeMutableBufferPointer<Int>,
        _ visit: (JSONValue, UnsafeBufferPointer<Int>) -> Void
    ) {
        guard step < steps.count else {
            visit(value, UnsafeBufferPointer(rebasing: indices[0..<depth]))
            return
        }
        switch steps[step] {
        case .member(let name):
            guard case .object(let object) = value, let child = object[name] else { return }
            walk(child, step: step + 1, depth: depth, indices: indices, visit)
        case .each:
            guard case .array(let elements) = value else { return }
            for i in elements.indices {
                indices[depth] = i
                walk(elements[i], step: step + 1, depth: depth + 1, indices: indices, visit)
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
                text += "[\(next < indices.count ? String(indices[indices.index(indices.startIndex, offsetBy: next)]) : "*")]"
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
    /// The UTF-8 length of each name: a member whose key has another length is skipped without comparing text.
    let lengths: [Int]
    /// The first name's slot in ``FieldNames`` (where ``SubjectFields`` remembers its position).
    let slot: Int

    public init(_ text: String) {
        names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        lengths = names.map(\.utf8.count)
        slot = FieldNames.shared.slot(for: names[0])
    }

    public var description: String { names.joined(separator: ".") }

    public static func == (a: FieldPath, b: FieldPath) -> Bool { a.names == b.names }
    public func hash(into hasher: inout Hasher) { hasher.combine(names) }

    /// The value at this path, or `nil` when a member is absent (or an intermediate value is not an object).
    public func lookup(in value: JSONValue) -> JSONValue? {
        guard case .object(let first) = value, let head = first.value(forKey: names[0], utf8Count: lengths[0]) else { return nil }
        return lookup(below: head)
    }

    /// The value at this path, given the value of its first name.
    func lookup(below head: JSONValue) -> JSONValue? {
        if names.count == 1 { return head }
        var current = head
        for step in 1..<names.count {
            guard case .object(let object) = current, let next = object.value(forKey: names[step], utf8Count: lengths[step]) else {
                return nil
            }
            current = next
        }
        return current
    }
}
