import Foundation
import RawJSON

/// Every first member name the loaded field paths read, numbered, so a subject can remember where each one is.
final class FieldNames: @unchecked Sendable {
    // `slots` is only read and written while holding `lock` (paths are created when catalogs load).
    private let lock = NSLock()
    private var slots: [String: Int] = [:]

    /// The names of every catalog in the process.
    static let shared = FieldNames()

    /// The slot of `name`, assigned on first use.
    func slot(for name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let slot = slots[name] { return slot }
        slots[name] = slots.count
        return slots.count - 1
    }

    /// How many names have a slot.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return slots.count
    }
}

/// Where the members of one subject object are, found once per name and reused by every predicate that reads
/// the subject (a GetCommandInvocation response is read by some sixty predicates, many on the same members).
struct SubjectFields {
    let object: JSONObject
    /// Per ``FieldNames`` slot: the member's position, `-1` when absent, `-2` before the first lookup.
    let positions: UnsafeMutableBufferPointer<Int32>

    /// Calls `body` with the fields of `subject` (nil when the subject is not an object), remembering positions
    /// for the first `slots` names.
    @inline(__always)
    static func with<R>(_ subject: JSONValue, slots: Int, _ body: (SubjectFields?) -> R) -> R {
        guard case .object(let object) = subject, slots > 0 else { return body(nil) }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: slots) { positions in
            positions.initialize(repeating: -2)
            return body(SubjectFields(object: object, positions: positions))
        }
    }

    /// The value at `path` in the subject: the same answer as `path.lookup(in: subject)`.
    @inline(__always)
    func value(_ path: FieldPath) -> JSONValue? {
        guard path.slot < positions.count else { return path.lookup(in: .object(object)) }
        var position = positions[path.slot]
        if position == -2 {
            position = Int32(object.lastIndex(ofKey: path.names[0], utf8Count: path.lengths[0]) ?? -1)
            positions[path.slot] = position
        }
        guard position >= 0 else { return nil }
        return path.lookup(below: object.members[Int(position)].value)
    }
}
