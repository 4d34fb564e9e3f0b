import Foundation

/// The clock of the emulator's own delays: how long an invocation stays invisible after SendCommand, how long it
/// waits to be delivered, how long an offline instance keeps it Pending. Timestamps in answers always use
/// ``now``; the scripts themselves (and `executionTimeout`) run in real time.
///
/// ```swift
/// var options = EmulatorOptions(instanceIDs: ["i-0123456789abcdef0"])
/// options.clock = .scaled(100)   // every emulated delay 100 times shorter
/// ```
public struct EmulatorClock: Sendable {
    /// The current time, for timestamps.
    public let now: @Sendable () -> Date
    private let sleeper: @Sendable (Double) async throws -> Void

    /// A clock with your own `now` and `sleep` (which receives emulated seconds and may throw on cancellation).
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Double) async throws -> Void) {
        self.now = now
        self.sleeper = sleep
    }

    /// The system clock with delays divided by `factor` (`--time-scale`): `scaled(10)` makes a 3,600 s delivery
    /// timeout take 360 s.
    public static func scaled(_ factor: Double) -> EmulatorClock {
        EmulatorClock(
            now: { Date() },
            sleep: { seconds in
                let real = max(0, seconds / factor)
                try await Task.sleep(nanoseconds: UInt64(min(real, 1e9) * 1e9))
            }
        )
    }

    /// The system clock, delays as long as configured.
    public static let system = scaled(1)

    /// Sleeps `seconds` emulated seconds; throws `CancellationError` when the task is cancelled.
    func sleep(_ seconds: Double) async throws { try await sleeper(seconds) }
}
