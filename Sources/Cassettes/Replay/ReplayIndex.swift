import Foundation
import HTTPTransport

/// A cassette's interactions by ``RequestMatchKey``, so a request finds its recorded answers with one hash
/// lookup instead of a comparison with every recorded request (only for matchers that give keys).
///
/// Answers are claimed in recorded order. A claimed interaction is never unclaimed, so each key keeps a
/// cursor to its first possibly unused answer: claiming the next answer of a poll costs O(1).
struct ReplayIndex {
    /// The answers recorded for one key, and where the first possibly unused one is.
    private struct Answers {
        var positions: [Int]
        var cursor = 0

        /// Moves the cursor past used answers; the first unused one, or `nil`.
        mutating func firstUnused(used: [Bool]) -> Int? {
            while cursor < positions.count, used[positions[cursor]] { cursor += 1 }
            return cursor < positions.count ? positions[cursor] : nil
        }
    }

    private var answers: [RequestMatchKey: Answers] = [:]

    /// The index of `interactions`, or `nil` when `matcher` gives no key (compare with each one instead).
    init?(_ interactions: [Interaction], matcher: any RequestMatcher) {
        for (position, interaction) in interactions.enumerated() {
            guard let key = matcher.matchKey(interaction.request) else { return nil }
            add(position, key: key)
        }
    }

    /// Adds the interaction at `position` (just recorded) under `key`.
    mutating func add(_ position: Int, key: RequestMatchKey) {
        answers[key, default: Answers(positions: [])].positions.append(position)
    }

    /// Every recorded interaction with `key`, in recorded order.
    func matching(_ key: RequestMatchKey) -> [Int] { answers[key]?.positions ?? [] }

    /// The first interaction with `key` that `used` does not mark, or `nil` when all are used (one lookup).
    mutating func firstUnused(_ key: RequestMatchKey, used: [Bool]) -> Int? {
        answers[key]?.firstUnused(used: used) ?? nil
    }
}
