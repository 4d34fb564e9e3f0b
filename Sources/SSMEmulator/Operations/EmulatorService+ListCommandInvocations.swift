import Foundation
import RawJSON

extension EmulatorService {
    /// ListCommandInvocations: visible invocations (none during the eventual-consistency window: 200 with an
    /// empty list), newest command first, filtered and paginated (MaxResults 1–50, default 50).
    func listCommandInvocations(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        let commandID = try body.string("CommandId")
        let instanceID = try body.string("InstanceId")
        let details = try body.bool("Details") ?? false
        let filters = try InvocationFilters(body, operation: .listCommandInvocations)
        if let commandID, book.command(commandID) == nil { throw .invalidCommandID }
        let matching = book.allInvocations().filter { invocation in
            guard invocation.isVisible else { return false }
            if let commandID, invocation.key.commandID != commandID { return false }
            if let instanceID, invocation.key.instanceID != instanceID { return false }
            guard let command = book.command(invocation.key.commandID) else { return false }
            return filters.admit(invocation, command: command)
        }
        let page = try Page.cut(
            matching.map(\.key),
            body: body,
            operation: "ListCommandInvocations",
            range: 1...50,
            defaultSize: 50,
            repeatsFirstPage: faults.contains(.repeatedPage)
        )
        let items: [JSONValue] = page.items.compactMap { key in
            guard let command = book.command(key.commandID), let invocation = book.answer(key) else { return nil }
            return view(invocation, command: command).listedInvocation(details: details)
        }
        var result = JSONObject(["CommandInvocations": .array(items)])
        if let next = page.next { result.append(key: "NextToken", value: .string(next.text)) }
        return .object(result)
    }
}

/// The `Filters` of ListCommandInvocations and ListCommands (`key`/`value`, at most 5).
struct InvocationFilters {
    enum Operation { case listCommandInvocations, listCommands }

    static let keys = ["InvokedAfter", "InvokedBefore", "Status", "ExecutionStage", "DocumentName"]
    /// The Status filter values the model documents for ListCommandInvocations (StatusDetails spellings too).
    static let invocationStatuses: Set<String> = [
        "Pending", "InProgress", "Delayed", "Success", "Cancelled", "Failed", "TimedOut", "AccessDenied",
        "DeliveryTimedOut", "ExecutionTimedOut", "Undeliverable", "InvalidPlatform", "Terminated", "Cancelling",
    ]

    var after: Date?
    var before: Date?
    var statuses: [String] = []
    var documents: [String] = []
    var stage: String?

    init(_ body: RequestBody, operation: Operation) throws(ServiceError) {
        guard let filters = try body.filters("Filters") else { return }
        if filters.isEmpty || filters.count > 5 {
            let bound = filters.isEmpty ? "greater than or equal to 1" : "less than or equal to 5"
            throw .validation(["Value '[]' at 'filters' failed to satisfy constraint: Member must have length \(bound)"]
            )
        }
        for (index, filter) in filters.enumerated() {
            guard Self.keys.contains(filter.key) else {
                throw .validation([
                    "Value '\(filter.key)' at 'filters.\(index + 1).member.key' failed to satisfy constraint: Member must satisfy enum value set: [\(Self.keys.joined(separator: ", "))]"
                ])
            }
            guard (1...128).contains(filter.value.count) else {
                throw .validation([
                    "Value '\(filter.value)' at 'filters.\(index + 1).member.value' failed to satisfy constraint: Member must have length between 1 and 128"
                ])
            }
            switch filter.key {
            case "InvokedAfter", "InvokedBefore":
                guard let date = WireTime.parseFilterTime(filter.value) else {
                    throw .validation([
                        "Value '\(filter.value)' at 'filters.\(index + 1).member.value' failed to satisfy constraint: \(filter.key) takes an ISO-8601 time such as 2024-07-07T00:00:00Z"
                    ])
                }
                if filter.key == "InvokedAfter" { after = date } else { before = date }
            case "Status":
                guard Self.invocationStatuses.contains(filter.value) else {
                    throw .validation([
                        "Value '\(filter.value)' at 'filters.\(index + 1).member.value' failed to satisfy constraint: Member must satisfy enum value set: [\(Self.invocationStatuses.sorted().joined(separator: ", "))]"
                    ])
                }
                statuses.append(filter.value)
            case "DocumentName":
                documents.append(filter.value)
            default:
                // ExecutionStage "can't be used with the ListCommandInvocations operation, only with ListCommands".
                guard operation == .listCommands else { throw .invalidFilterKey }
                guard filter.value == "Executing" || filter.value == "Complete" else {
                    throw .validation([
                        "Value '\(filter.value)' at 'filters.\(index + 1).member.value' failed to satisfy constraint: Member must satisfy enum value set: [Executing, Complete]"
                    ])
                }
                stage = filter.value
            }
        }
    }

    /// Whether an invocation passes every filter (a Status value matches Status or StatusDetails).
    func admit(_ invocation: Invocation, command: CommandRecord) -> Bool {
        if let after, command.requestedAt < after { return false }
        if let before, command.requestedAt > before { return false }
        if !statuses.isEmpty && !statuses.contains(invocation.status.rawValue) && !statuses.contains(invocation.details)
        {
            return false
        }
        if !documents.isEmpty && !documents.contains(command.documentName) { return false }
        return true
    }
}
