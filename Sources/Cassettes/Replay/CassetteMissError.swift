import Foundation

/// A replayed request the cassette cannot answer, with the closest recorded request and exactly what differs.
///
/// Never retry on this error: the same request misses again.
public struct CassetteMissError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the request got no answer.
    public enum Reason: Sendable, Hashable {
        /// No recorded request matches.
        case noMatch
        /// Matching answers exist but were all used, and the exhaustion policy is ``ExhaustionPolicy/fail``.
        case exhausted(recordedAnswers: [Int])
    }

    /// The cassette file.
    public let file: String
    /// The request in one line (`POST / AmazonSSM.ListCommands {"CommandId":"abc"}`), after redaction.
    public let request: String
    /// Why it got no answer.
    public let reason: Reason
    /// The index of the closest recorded interaction (no match), if the cassette has any.
    public let closestIndex: Int?
    /// The closest recorded request in one line.
    public let closestRequest: String?
    /// What differs from the closest recorded request.
    public let differences: [RequestDifference]

    /// Differences shown in the message; the rest are counted.
    public static let shownDifferences = 6

    public var description: String {
        switch reason {
        case .exhausted(let answers):
            let list = answers.map { "interactions[\($0)]" }.joined(separator: ", ")
            return
                "\(file): \(request) was asked for the \(ordinal(answers.count + 1)) time but the cassette recorded only "
                + "\(answers.count) \(answers.count == 1 ? "answer" : "answers") (\(list)) and the exhaustion policy is fail; record a longer sequence "
                + "(SSM_CONTRACT_RECORD_MODE=record) or use ExhaustionPolicy.repeatLast"
        case .noMatch:
            var text = "\(file): no recorded interaction matches \(request)"
            if let closestIndex, let closestRequest {
                let shown = differences.prefix(Self.shownDifferences).map(\.description)
                let more = differences.count > shown.count ? "; and \(differences.count - shown.count) more" : ""
                text +=
                    "; closest is interactions[\(closestIndex)] \(closestRequest): " + shown.joined(separator: "; ")
                    + more
            } else {
                text += "; the cassette has no interactions"
            }
            return text + "; record it with SSM_CONTRACT_RECORD_MODE=record-missing"
        }
    }

    private func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
