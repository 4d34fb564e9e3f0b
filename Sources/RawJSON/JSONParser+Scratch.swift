import Foundation

/// A growable stack of values that are moved (not copied) into exact-size arrays when an object or array
/// closes, so building a container costs one allocation and no retain/release per element.
///
/// A class so that a parse that throws half-way still deinitializes what is left on the stack.
final class ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Moves the elements above `start` into a new array of exactly their count.
    func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        let source = base + start
        count = start
        return Array(unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: n)
            initialized = n
        }
    }
}

/// Reuses the `String` made for a byte sequence seen earlier in the same document (member names, enum values,
/// identifiers and timestamps repeat across a cassette), so a repeat costs a hash and a compare instead of an
/// allocation and UTF-8 validation. Direct-mapped: a slot holds the last string that hashed to it.
struct StringInterner {
    /// Strings longer than this are not cached (long output texts rarely repeat).
    static let maximumLength = 96
    private static let slotCount = 2048

    private struct Slot {
        var offset = -1
        var length = 0
        var string = ""
    }

    private var slots: [Slot]
    private let bytes: UnsafePointer<UInt8>

    init(bytes: UnsafePointer<UInt8>) {
        self.bytes = bytes
        self.slots = Array(repeating: Slot(), count: Self.slotCount)
    }

    /// The string for the ASCII bytes at `offset..<offset+length` of the document.
    @inline(__always)
    mutating func string(offset: Int, length: Int, make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        let start = bytes + offset
        guard length <= Self.maximumLength else { return make(UnsafeBufferPointer(start: start, count: length)) }
        let index = Int(truncatingIfNeeded: Self.hash(start, length)) & (Self.slotCount - 1)
        return slots.withUnsafeMutableBufferPointer { slots in
            let slot = slots.baseAddress! + index
            if slot.pointee.length == length, slot.pointee.offset >= 0,
                memcmp(bytes + slot.pointee.offset, start, length) == 0
            {
                return slot.pointee.string
            }
            let made = make(UnsafeBufferPointer(start: start, count: length))
            slot.pointee = Slot(offset: offset, length: length, string: made)
            return made
        }
    }

    /// A multiplicative hash over 8-byte words (the last word overlaps the previous one).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                i += 8
            }
            if i < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
                h ^= h >> 29
            }
        } else {
            var word: UInt64 = 0
            for i in 0..<n { word = word << 8 | UInt64(p[i]) }
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
        }
        return h ^ (h >> 32)
    }
}
