/// Time contracts that compare several members.
enum TimeContracts {
    static let all: [CodeContract] = [elapsedConsistent]

    /// `times.elapsed-consistent`: end − start is the elapsed time truncated to whole seconds (observed), so
    /// 0 ≤ elapsed − (end − start) < 1 s. Never asserts end − start == elapsed.
    static let elapsedConsistent = CodeContract(
        id: "times.elapsed-consistent",
        body: .response { _, _, body, record in
            guard let startText = body["ExecutionStartDateTime"]?.stringValue, !startText.isEmpty,
                let endText = body["ExecutionEndDateTime"]?.stringValue, !endText.isEmpty,
                let elapsedText = body["ExecutionElapsedTime"]?.stringValue,
                let start = startText.withUTF8String({ TimeValue.parseISO8601($0)?.epochSeconds }),
                let end = endText.withUTF8String({ TimeValue.parseISO8601($0)?.epochSeconds }),
                let elapsed = elapsedText.withUTF8String({ TimeValue.parseDuration($0) })
            else {
                record(.notApplicable, "$")
                return
            }
            let gap = elapsed - (end - start)
            let tolerance = 0.0015
            record(
                gap >= -tolerance && gap < 1 + tolerance
                    ? .pass
                    : Verdict(
                        .fail,
                        field: "ExecutionElapsedTime",
                        value: .string(elapsedText),
                        detail:
                            "expected ExecutionEndDateTime − ExecutionStartDateTime (\(end - start) s) to be the elapsed time truncated to whole seconds"
                    ),
                "$"
            )
        }
    )
}
