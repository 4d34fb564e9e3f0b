import RawJSON

/// Contracts over all observations of one invocation, in time order.
enum SequenceContracts {
    static let all: [CodeContract] = [terminalFinal, transitions, startFixed, outputFinal]

    static let tooShort = Verdict(.notApplicable, detail: "only one observation of this invocation")

    /// `sequence.terminal-final`: once Status is terminal, Status and StatusDetails never change.
    static let terminalFinal = CodeContract(
        id: "sequence.terminal-final",
        body: .sequence { _, sequence in
            guard sequence.points.count > 1 else { return (tooShort, nil) }
            var final: SequencePoint?
            for point in sequence.points {
                if let reached = final {
                    if point.status != reached.status || point.statusDetails != reached.statusDetails {
                        return (
                            Verdict(
                                .fail,
                                field: "Status",
                                value: .string("\(point.status ?? "-")/\(point.statusDetails ?? "-")"),
                                detail:
                                    "the invocation was already terminal (\(reached.status ?? "-")/\(reached.statusDetails ?? "-") at \(reached.location))"
                            ), point
                        )
                    }
                } else if StatusVocabulary.isTerminal(point.status) {
                    final = point
                }
            }
            return (.pass, nil)
        }
    )

    /// `sequence.transitions`: in-flight statuses move forward (Pending/Delayed → InProgress → Cancelling → terminal).
    static let transitions = CodeContract(
        id: "sequence.transitions",
        body: .sequence { _, sequence in
            guard sequence.points.count > 1 else { return (tooShort, nil) }
            for (previous, point) in zip(sequence.points, sequence.points.dropFirst()) {
                guard let from = previous.status, let to = point.status, StatusVocabulary.inFlight.contains(from),
                    StatusVocabulary.inFlight.contains(to)
                else { continue }
                if !StatusVocabulary.allowedInFlight(from: from).contains(to) {
                    return (
                        Verdict(
                            .fail,
                            field: "Status",
                            value: .string(to),
                            detail: "\(from) → \(to) goes backwards (previous observation: \(previous.location))"
                        ), point
                    )
                }
            }
            return (.pass, nil)
        }
    )

    /// `sequence.start-fixed`: once set, the start time never changes.
    static let startFixed = CodeContract(
        id: "sequence.start-fixed",
        body: .sequence { _, sequence in
            guard sequence.points.count > 1 else { return (tooShort, nil) }
            var first: JSONValue?
            for point in sequence.points {
                guard let start = point.start, !isUnset(start) else { continue }
                if let first, !Predicate.same(first, start) {
                    return (
                        Verdict(
                            .fail,
                            field: point.path.contains("CommandPlugins")
                                ? "ResponseStartDateTime" : "ExecutionStartDateTime",
                            value: start,
                            detail: "the start time was already \(JSONWriter.string(first))"
                        ), point
                    )
                }
                first = first ?? start
            }
            return (.pass, nil)
        }
    )

    /// `sequence.output-final`: once terminal, the output and ResponseCode never change.
    static let outputFinal = CodeContract(
        id: "sequence.output-final",
        body: .sequence { _, sequence in
            guard sequence.points.count > 1 else { return (tooShort, nil) }
            var final: SequencePoint?
            for point in sequence.points {
                if let reached = final {
                    if point.outputs != reached.outputs {
                        let changed =
                            zip(point.outputs, reached.outputs).first { $0 != $1 }?.0.name ?? point.outputs.first?.name
                            ?? "output"
                        return (
                            Verdict(
                                .fail,
                                field: changed,
                                detail: "the output changed after the invocation was terminal at \(reached.location)"
                            ), point
                        )
                    }
                    if let a = point.responseCode, let b = reached.responseCode, !Predicate.same(a, b) {
                        return (
                            Verdict(
                                .fail,
                                field: "ResponseCode",
                                value: a,
                                detail: "ResponseCode was \(JSONWriter.string(b)) when the invocation became terminal"
                            ), point
                        )
                    }
                } else if StatusVocabulary.isTerminal(point.status) {
                    final = point
                }
            }
            return (.pass, nil)
        }
    )

    static func isUnset(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let s): s.isEmpty
        case .number(let n): n.doubleValue == 0
        default: false
        }
    }
}
