import Foundation
import HTTPTransport

/// A cassette's interactions by ``RequestMatchKey``, so a request finds its recorded answers with one hash
/// lookup instead of a comparison with every recorded request (only for matchers that give keys).
///
/// Answers are claimed in recorded order. A claimed interaction is never unclaimed, so each key keeps a
/// cursor to its first possibly unused answer: claiming the next answer of a poll costs O(1).
struct ReplayIndex {
    private var positions: [RequestMatchKey: [Int]] = [:]
    private var cursors: [RequestMatchKey: Int] = [:]

    /// The index of `interactions`, or `nil` when `matcher` gives no key (compare with each one instead).
    init?(_ interactions: [Interaction], matcher: any RequestMatcher) {
        for (position, interaction) in interactions.enumerated() {
            guard let key = matcher.matchKey(interaction.request) else { return nil }
            positions[key, default: []].append(position)
        }
    }

    /// Adds the interaction at `position` (just recorded) under `key`.
    mutating func add(_ position: Int, key: RequestMatchKey) {
        positions[key, default: []].append(position)
    }

    /// Every recorded interaction with `key`, in recorded order.
    func matching(_ key: RequestMatchKey) -> [Int] { positions[key] ?? [] }

    /// The first interaction with `key` that `used` does not mark, or `nil` when all are used.
    mutating func firstUnused(_ key: RequestMatchKey, used: [Bool]) -> Int? {
        guard let list = positions[key] else { return nil }
        var cursor = cursors[key] ?? 0
        while cursor < list.count, used[list[cursor]] { cursor += 1 }
        cursors[key] = cursor
        return cursor < list.count ? list[cursor] : nil
    }
}
