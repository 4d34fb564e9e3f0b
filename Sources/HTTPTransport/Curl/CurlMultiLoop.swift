import CCurl
import Foundation

/// One libcurl multi handle driven by its own OS thread.
///
/// Callers hand transfers over with ``submit(_:continuation:)`` and ask for removals with ``cancel(_:)``: both only touch
/// `shared` under `lock` and then wake the thread with `curl_multi_wakeup`. The thread alone calls
/// `curl_multi_*` and `curl_easy_*` on submitted handles, and alone touches `active`. That split (lock-guarded
/// state + curl-thread-only state) is why the class is `@unchecked Sendable`.
final class CurlMultiLoop: @unchecked Sendable {
    /// What callers and the curl thread exchange; guarded by `lock`.
    struct Shared {
        var incoming: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var isStopping = false
        var hasStopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var statistics = CurlTransport.Statistics()
    }

    let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var shared = Shared()
    /// Transfers added to the multi handle, by handle address; curl thread only.
    var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(configuration: CurlTransport.Configuration) throws(TransportError) {
        try CurlGlobal.ensureInitialized()
        guard let multi = ccurl_multi_init() else {
            throw TransportError(code: .other, message: "curl_multi_init failed (out of memory?)", url: "")
        }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, configuration.maxConnectionsPerHost))
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, configuration.maxConnectionsTotal))
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, configuration.maxConnectionsTotal))
        let thread = Thread { [self] in run() }
        thread.name = "ssm-contract.curl"
        thread.start()
    }

    func withShared<R>(_ body: (inout Shared) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&shared)
    }

    var statistics: CurlTransport.Statistics { withShared { $0.statistics } }

    // MARK: Caller side

    /// Queues a transfer for the caller waiting on `continuation`; fails it at once when it was cancelled
    /// before submission or the loop is shutting down.
    func submit(_ transfer: CurlTransfer, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let failure: TransportError? = withShared { shared in
            transfer.continuation = continuation
            if transfer.phase == .finished {
                return TransportError(code: .cancelled, message: "the request was cancelled", url: transfer.url)
            }
            if shared.isStopping {
                transfer.phase = .finished
                return TransportError(code: .shutdown, message: "the transport was shut down", url: transfer.url)
            }
            transfer.phase = .queued
            shared.incoming.append(transfer)
            return nil
        }
        if let failure {
            resume(transfer, with: .failure(failure))
        } else {
            wake()
        }
    }

    /// Cancels a transfer in any phase: before submission it is failed on submission; queued, it is failed
    /// now; active, the curl thread removes it from the multi handle and fails it.
    func cancel(_ transfer: CurlTransfer) {
        let failNow: Bool = withShared { shared in
            switch transfer.phase {
            case .created:
                transfer.phase = .finished  // `submit` fails it
                return false
            case .queued:
                shared.incoming.removeAll { $0 === transfer }
                transfer.phase = .finished
                return true
            case .active:
                shared.cancelled.append(transfer)
                return false
            case .finished:
                return false
            }
        }
        if failNow {
            resume(
                transfer,
                with: .failure(
                    TransportError(code: .cancelled, message: "the request was cancelled", url: transfer.url)
                )
            )
        } else {
            wake()
        }
    }

    /// Stops the thread: pending and in-flight transfers fail with `.shutdown`; returns once every handle is
    /// cleaned up and the thread has finished. Calling it again just waits for (or returns after) the first.
    func shutdown() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let done: Bool = withShared { shared in
                shared.isStopping = true
                if shared.hasStopped { return true }
                shared.stopWaiters.append(waiter)
                return false
            }
            if done { waiter.resume() } else { wake() }
        }
    }

    /// Asks the thread to stop without waiting (for `deinit` of an owner that was never shut down).
    func requestStop() {
        withShared { $0.isStopping = true }
        wake()
    }

    /// Wakes the curl thread out of `curl_multi_poll`. Done under the lock, and only while the thread runs:
    /// the thread marks itself stopped under the same lock before it cleans up the multi handle.
    func wake() {
        withShared { shared in
            if !shared.hasStopped { ccurl_multi_wakeup(multi) }
        }
    }

    /// Resumes the caller exactly once; the continuation is taken under the lock.
    func resume(_ transfer: CurlTransfer, with result: Result<HTTPResponse, any Error>) {
        let continuation = withShared { _ in
            defer { transfer.continuation = nil }
            return transfer.continuation
        }
        continuation?.resume(with: result)
    }
}
