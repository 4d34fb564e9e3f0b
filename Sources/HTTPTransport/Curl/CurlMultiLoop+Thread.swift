import CCurl
import Foundation

extension CurlMultiLoop {
    /// The curl thread: adds new transfers, removes cancelled ones, drives libcurl, completes finished ones,
    /// and sleeps in `curl_multi_poll` until there is socket activity, a timeout or a wake-up.
    func run() {
        var running: Int32 = 0
        while true {
            let (incoming, cancelled, isStopping) = withShared { shared in
                defer {
                    shared.incoming.removeAll()
                    shared.cancelled.removeAll()
                }
                for transfer in shared.incoming { transfer.phase = .active }
                return (shared.incoming, shared.cancelled, shared.isStopping)
            }
            if isStopping {
                let pending = incoming + Array(active.values)
                for transfer in pending {
                    finish(
                        transfer,
                        with: .failure(
                            TransportError(
                                code: .shutdown,
                                message: "the transport was shut down before the response arrived",
                                url: transfer.url
                            )
                        )
                    )
                }
                break
            }
            for transfer in incoming { add(transfer) }
            for transfer in cancelled where active[transfer.handle] === transfer {
                finish(
                    transfer,
                    with: .failure(
                        TransportError(code: .cancelled, message: "the request was cancelled", url: transfer.url)
                    )
                )
            }
            _ = ccurl_multi_perform(multi, &running)
            completeFinishedTransfers()
            _ = ccurl_multi_poll(multi, nil, 0, 1000, nil)
        }
        let waiters = withShared { shared in
            shared.hasStopped = true
            defer { shared.stopWaiters.removeAll() }
            return shared.stopWaiters
        }
        ccurl_multi_cleanup(multi)
        for waiter in waiters { waiter.resume() }
    }

    private func add(_ transfer: CurlTransfer) {
        let rc = ccurl_multi_add_handle(multi, transfer.handle)
        guard rc == CURLM_OK else {
            let reason = String(cString: ccurl_multi_strerror(rc))
            finish(
                transfer,
                with: .failure(
                    TransportError(code: .other, message: "curl_multi_add_handle failed: \(reason)", url: transfer.url)
                ),
                wasAdded: false
            )
            return
        }
        active[transfer.handle] = transfer
        withShared { $0.statistics.requestsSent += 1 }
    }

    private func completeFinishedTransfers() {
        var remaining: Int32 = 0
        while let message = ccurl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active[easy]
            else { continue }
            let rc = message.pointee.data.result
            if rc == CURLE_OK {
                finish(transfer, with: .success(transfer.makeResponse()))
            } else {
                let error = TransportError(
                    curlCode: rc,
                    detail: transfer.errorBufferText,
                    url: transfer.url,
                    usesProxy: transfer.usesProxy,
                    connected: transfer.reachedTransferPhase
                )
                finish(transfer, with: .failure(error))
            }
        }
    }

    /// Removes the handle from the multi, counts its connections, frees it, then resumes the caller.
    private func finish(_ transfer: CurlTransfer, with result: Result<HTTPResponse, any Error>, wasAdded: Bool = true) {
        let newConnections: Int
        if wasAdded, active.removeValue(forKey: transfer.handle) != nil {
            newConnections = transfer.info(CURLINFO_NUM_CONNECTS)
            ccurl_multi_remove_handle(multi, transfer.handle)
        } else {
            newConnections = 0
        }
        let continuation = withShared { shared in
            shared.statistics.connectionsOpened += newConnections
            transfer.phase = .finished
            defer { transfer.continuation = nil }
            return transfer.continuation
        }
        transfer.cleanUp()
        continuation?.resume(with: result)
    }
}
