import Foundation

/// Bounds a ``LoopbackHTTPServer`` keeps to, so one client cannot exhaust it or hold it open.
public struct LoopbackServerLimits: Sendable {
    /// The largest request body accepted; a larger one is answered `413 Content Too Large` and the connection
    /// is closed. Default: no limit.
    public var maxBodyBytes: Int
    /// How long stopping waits for requests still being answered before it returns anyway. Default 1 s.
    public var shutdownGrace: Duration

    /// Limits with the documented defaults.
    public init(maxBodyBytes: Int = .max, shutdownGrace: Duration = .seconds(1)) {
        self.maxBodyBytes = maxBodyBytes
        self.shutdownGrace = shutdownGrace
    }
}
