import RawJSON

extension EmulatorService {
    /// ListCommands: commands newest first, with their status and counts; filtered and paginated like
    /// ListCommandInvocations (`ExecutionStage` allowed here).
    func listCommands(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        let commandID = try body.string("CommandId")
        let instanceID = try body.string("InstanceId")
        let filters = try InvocationFilters(body, operation: .listCommands)
        if let commandID, book.command(commandID) == nil { throw .invalidCommandID }
        let matching = book.allCommands().filter { command in
            if let commandID, command.commandID != commandID { return false }
            if let instanceID, !command.instanceIDs.contains(instanceID) { return false }
            if let after = filters.after, command.requestedAt < after { return false }
            if let before = filters.before, command.requestedAt > before { return false }
            if !filters.documents.isEmpty && !filters.documents.contains(command.documentName) { return false }
            let summary = summary(of: command)
            if !filters.statuses.isEmpty && !filters.statuses.contains(summary.status) { return false }
            if let stage = filters.stage {
                let complete = InvocationStatus(rawValue: summary.status)?.isTerminal ?? false
                if (stage == "Complete") != complete { return false }
            }
            return true
        }
        let page = try Page.cut(matching, body: body, operation: "ListCommands", range: 1...50, defaultSize: 50)
        var result = JSONObject(["Commands": .array(page.items.map(commandJSON))])
        if let next = page.next { result.append(key: "NextToken", value: .string(next.text)) }
        return .object(result)
    }

    func summary(of command: CommandRecord) -> CommandSummary {
        CommandSummary(
            command.instanceIDs.compactMap {
                book.invocation(InvocationKey(commandID: command.commandID, instanceID: $0))
            }
        )
    }
}
