import Foundation
import RawJSON

/// The member names a group of rules reads from its subjects, numbered once when the engine compiles its plan
/// (it never changes afterwards).
///
/// Before the rules run on a subject, ``withFields(of:request:_:)`` walks the subject's members once and notes
/// where each name of the table is: every predicate then reads its field by number instead of searching the
/// members again (a GetCommandInvocation response is read by some sixty predicates, many on the same fields).
struct FieldTable: Sendable {
    /// The names, by slot.
    let names: [String]
    /// The UTF-8 bytes of each name, by slot.
    private let utf8: [[UInt8]]
    /// The slots of the names of each UTF-8 length.
    private let slotsByLength: [[Int]]

    init(_ names: some Sequence<String>) {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        self.names = unique
        self.utf8 = unique.map { Array($0.utf8) }
        var byLength = Array(repeating: [Int](), count: (utf8.map(\.count).max() ?? 0) + 1)
        for (slot, bytes) in utf8.enumerated() { byLength[bytes.count].append(slot) }
        self.slotsByLength = byLength
    }

    /// The slot of `name` (every name a compiled rule reads is in its table).
    func slot(_ name: String) -> Int {
        guard let slot = names.firstIndex(of: name) else { preconditionFailure("\(name) is not in the field table") }
        return slot
    }

    /// The slot of the name spelled by `bytes`, or nil when the table does not hold it.
    @inline(__always)
    func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count < slotsByLength.count else { return nil }
        for slot in slotsByLength[bytes.count]
        where utf8[slot].withUnsafeBufferPointer({
            bytes.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }) {
            return slot
        }
        return nil
    }

    /// Calls `body` with the subject and where its members of this table's names are (the last member of a
    /// name, as ``JSONObject`` reads it). A subject that is not an object has none of them.
    @inline(__always)
    func withFields<R>(of value: JSONTape.View, request: JSONTape.View?, _ body: (Subject) -> R) -> R {
        withUnsafeTemporaryAllocation(of: JSONTape.Position.self, capacity: max(names.count, 1)) { fields in
            fields.initialize(repeating: .absent)
            value.forEachMember { name, member in
                if let slot = name.withUTF8({ self.slot($0) }) ?? nil { fields[slot] = member.position }
            }
            return body(Subject(value: value, request: request, fields: UnsafeBufferPointer(fields)))
        }
    }
}

/// One subject under evaluation: the value, the request of its observation, and where the members named in the
/// rules' ``FieldTable`` are. Valid only during ``FieldTable/withFields(of:request:_:)``.
struct Subject {
    let value: JSONTape.View
    let request: JSONTape.View?
    let fields: UnsafeBufferPointer<JSONTape.Position>
}
