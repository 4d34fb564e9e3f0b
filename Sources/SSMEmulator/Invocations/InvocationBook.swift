import Foundation

/// Every command and invocation the emulator knows, guarded by a lock (hence `@unchecked Sendable`); state changes
/// happen only inside ``update(_:_:)`` and ``add(_:invocations:)``.
final class InvocationBook: @unchecked Sendable {
    private let lock = NSLock()
    private var commands: [String: CommandRecord] = [:]
    /// Command ids, oldest first.
    private var order: [String] = []
    private var invocations: [InvocationKey: Invocation] = [:]

    func add(_ command: CommandRecord, invocations new: [Invocation]) {
        lock.withLock {
            commands[command.commandID] = command
            order.append(command.commandID)
            for invocation in new { invocations[invocation.key] = invocation }
        }
    }

    func command(_ id: String) -> CommandRecord? { lock.withLock { commands[id] } }

    /// Commands, newest first.
    func allCommands() -> [CommandRecord] { lock.withLock { order.reversed().compactMap { commands[$0] } } }

    func invocation(_ key: InvocationKey) -> Invocation? { lock.withLock { invocations[key] } }

    /// Invocations in listing order: newest command first, then the command's instances in the order sent.
    func allInvocations() -> [Invocation] {
        lock.withLock {
            order.reversed().flatMap { id -> [Invocation] in
                guard let command = commands[id] else { return [] }
                return command.instanceIDs.compactMap { invocations[InvocationKey(commandID: id, instanceID: $0)] }
            }
        }
    }

    /// Changes one invocation under the lock and returns what `body` returns (`nil` for an unknown key).
    @discardableResult
    func update<R>(_ key: InvocationKey, _ body: (inout Invocation) throws -> R) rethrows -> R? {
        try lock.withLock {
            guard var invocation = invocations[key] else { return nil }
            let result = try body(&invocation)
            invocations[key] = invocation
            return result
        }
    }

    /// The process groups of scripts still running.
    func runningProcesses() -> [ShellProcess] {
        lock.withLock { invocations.values.compactMap { $0.outcome == nil ? $0.process : nil } }
    }

    var counts: (commands: Int, invocations: Int) { lock.withLock { (commands.count, invocations.count) } }
}

/// Unstructured tasks the emulator started (one per invocation), cancelled and awaited when it stops; a task
/// leaves the list when it ends, so a long-running emulator does not accumulate them. Lock-guarded, hence
/// `@unchecked Sendable`.
final class TaskList: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [UUID: Task<Void, Never>] = [:]
    private var closed = false

    /// Starts `body` unless the emulator is stopping.
    func start(_ body: @escaping @Sendable () async -> Void) {
        lock.withLock {
            guard !closed else { return }
            let id = UUID()
            tasks[id] = Task {
                await body()
                self.finished(id)
            }
        }
    }

    private func finished(_ id: UUID) { lock.withLock { _ = tasks.removeValue(forKey: id) } }

    /// Refuses new tasks and cancels the running ones (a cancelled lifecycle starts no script).
    func cancelAll() {
        let running = lock.withLock {
            closed = true
            return Array(tasks.values)
        }
        for task in running { task.cancel() }
    }

    /// Waits for every task to end.
    func waitForAll() async {
        let running = lock.withLock { Array(tasks.values) }
        for task in running { await task.value }
    }
}
