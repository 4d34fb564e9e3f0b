import Foundation
import RawJSON

/// The differences between two bodies: per JSON member when both are JSON, else in bytes.
enum BodyDifferences {
    /// The longest value shown in a difference.
    static let displayLimit = 60

    static func between(_ body: RecordedBody, and recorded: RecordedBody) -> [RequestDifference] {
        let a = body.data
        let b = recorded.data
        if a == b { return [] }
        if let x = body.json, let y = recorded.json {
            var result: [RequestDifference] = []
            json(x, y, path: "body", into: &result)
            return result
        }
        if a.isEmpty || b.isEmpty {
            return [RequestDifference(field: "body", actual: describe(body), recorded: describe(recorded))]
        }
        let firstDifference =
            zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return [
            RequestDifference(
                field: "body",
                actual: "\(describe(body)), first difference at byte \(firstDifference)",
                recorded: describe(recorded)
            )
        ]
    }

    /// Differences between two JSON values, named by JSON path; key order and number spelling ignored.
    static func json(_ a: JSONValue, _ b: JSONValue, path: String, into result: inout [RequestDifference]) {
        if a.semanticallyEquals(b) { return }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            // One dictionary lookup per member: time linear in the bodies, however many members they have.
            let left = x.uniqueMembers
            let right = y.uniqueMembers
            var seen = Set<String>()
            seen.reserveCapacity(left.count + right.count)
            for key in x.keys + y.keys where seen.insert(key).inserted {
                let child = "\(path).\(key)"
                switch (left[key], right[key]) {
                case (let l?, let r?): json(l, r, path: child, into: &result)
                case (let l?, nil): result.append(RequestDifference(field: child, actual: show(l), recorded: "missing"))
                case (nil, let r?): result.append(RequestDifference(field: child, actual: "missing", recorded: show(r)))
                case (nil, nil): break
                }
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (i, pair) in zip(x, y).enumerated() { json(pair.0, pair.1, path: "\(path)[\(i)]", into: &result) }
        default:
            result.append(RequestDifference(field: path, actual: show(a), recorded: show(b)))
        }
    }

    /// A JSON value in compact form, shortened.
    static func show(_ value: JSONValue) -> String {
        shorten(JSONWriter.string(value))
    }

    static func shorten(_ text: String) -> String {
        text.count <= displayLimit ? text : String(text.prefix(displayLimit - 1)) + "…"
    }

    static func describe(_ body: RecordedBody) -> String {
        switch body {
        case .empty: "empty"
        case .json(let value): show(value)
        case .text(let text): "text " + shorten(JSONWriter.string(.string(text)))
        case .binary(let data): "\(data.count) bytes"
        }
    }
}
