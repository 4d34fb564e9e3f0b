import RawJSON

extension EmulatorService {
    /// GetCommandInvocation: `InvocationDoesNotExist` for an unknown command, an instance it was not sent to,
    /// and during the eventual-consistency window; `InvalidPluginName` for a step the document does not have.
    func getCommandInvocation(_ body: RequestBody) throws(ServiceError) -> JSONValue {
        let commandID = try required(body, "CommandId")
        let instanceID = try required(body, "InstanceId")
        let key = InvocationKey(commandID: commandID, instanceID: instanceID)
        guard let command = book.command(commandID), let current = book.invocation(key), current.isVisible else {
            throw .invocationDoesNotExist
        }
        if let plugin = try body.string("PluginName"), plugin != InvocationAnswer.pluginName {
            throw .invalidPluginName
        }
        guard let invocation = book.answer(key) else { throw .invocationDoesNotExist }
        return view(invocation, command: command).getCommandInvocation
    }
}
