import Foundation
import HTTPTransport
import LoopbackServer
import RawJSON

/// Decides, request by request, which fault of a ``FaultPlan`` to inject. Lock-guarded (the generator), hence
/// `@unchecked Sendable`.
final class FaultInjector: @unchecked Sendable {
    /// What one request gets.
    struct Decision: Sendable, Equatable {
        /// The added delay, if any.
        var delay: Duration?
        /// The fault that replaces or cuts the answer, if any.
        var fault: FaultKind?
    }

    let plan: FaultPlan
    private let lock = NSLock()
    private var generator: SeededGenerator

    init(_ plan: FaultPlan) {
        self.plan = plan
        generator = SeededGenerator(seed: plan.seed)
    }

    /// The decision for a request of `operation` (from `X-Amz-Target`).
    func decide(operation: String?) -> Decision {
        if let only = plan.operation, only != operation { return Decision() }
        return lock.withLock {
            var decision = Decision()
            if let milliseconds = plan.latencyMilliseconds, unit() < plan.latencyProbability {
                decision.delay = .milliseconds(milliseconds)
            }
            let draw = unit()
            var floor = 0.0
            for kind in FaultKind.replacing {
                let probability = plan.probabilities[kind] ?? 0
                if draw < floor + probability {
                    decision.fault = kind
                    break
                }
                floor += probability
            }
            return decision
        }
    }

    /// A uniform draw in [0, 1); call with the lock held.
    private func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    /// The answer a request gets instead of its own for a replacing `fault` (throttle, 500, 503); throws the
    /// ``LoopbackConnectionFault`` that makes the server close the connection for reset.
    static func replacement(for fault: FaultKind) throws -> HTTPResponse {
        switch fault {
        case .throttle: return FaultResponses.throttling
        case .internalServerError: return FaultResponses.internalServerError
        case .serviceUnavailable: return FaultResponses.serviceUnavailable
        case .reset, .truncate, .latency: throw LoopbackConnectionFault.closeWithoutAnswer
        }
    }

    /// Throws the ``LoopbackConnectionFault`` that sends `response` with half of its body, then closes.
    static func truncate(_ response: HTTPResponse) throws -> Never {
        throw LoopbackConnectionFault.truncated(response, keptBytes: response.body.count / 2)
    }
}

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed (reproducible fault runs).
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error answers of injected faults, shaped as AWS sends awsJson1_1 errors.
enum FaultResponses {
    /// HTTP 400 `ThrottlingException`, message "Rate exceeded".
    static var throttling: HTTPResponse { error(status: 400, type: "ThrottlingException", message: "Rate exceeded") }
    /// HTTP 500 `InternalServerError`.
    static var internalServerError: HTTPResponse {
        error(
            status: 500,
            type: "InternalServerError",
            message: "Internal Server Error (injected by ssm-contract --fault)"
        )
    }
    /// HTTP 503 `ServiceUnavailable`.
    static var serviceUnavailable: HTTPResponse {
        error(
            status: 503,
            type: "ServiceUnavailable",
            message: "Service Unavailable (injected by ssm-contract --fault)"
        )
    }

    static func error(status: Int, type: String, message: String) -> HTTPResponse {
        let body: JSONValue = .object(JSONObject(["__type": .string(type), "message": .string(message)]))
        return HTTPResponse(
            status: status,
            headers: [
                "x-amzn-RequestId": UUID().uuidString.lowercased(), "Content-Type": "application/x-amz-json-1.1",
            ],
            body: JSONWriter.data(body)
        )
    }
}
