import Foundation

/// Where the signer and the client read the current time: the system clock, or a fixed or scripted one in tests.
public struct AWSClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that calls `now` each time it is read.
    public init(_ now: @escaping @Sendable () -> Date) { self.read = now }

    /// The current time.
    public var now: Date { read() }

    /// The system clock.
    public static let system = AWSClock { Date() }

    /// A clock that always reads `date`.
    public static func fixed(_ date: Date) -> AWSClock { AWSClock { date } }
}
