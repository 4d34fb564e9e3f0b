import Foundation
import HTTPTransport
import LoopbackServer

/// A local AWS Systems Manager for tests: an awsJson1_1 server on 127.0.0.1 that answers SendCommand,
/// GetCommandInvocation, ListCommandInvocations, ListCommands, CancelCommand and DescribeInstanceInformation,
/// and **really runs** `AWS-RunShellScript` commands on this machine, one process group per invocation, with
/// AWS's lifecycle, truncation, exit codes, eventual consistency, pagination and errors.
///
/// ```swift
/// try await SSMEmulator.withEmulator(options: EmulatorOptions(instanceIDs: ["i-0123456789abcdef0"])) { emulator in
///     try await runSDK(endpoint: emulator.baseURL)   // e.g. aws ssm send-command --endpoint-url …
/// }
/// ```
///
/// When `body` returns or throws, the server stops, every script still running is killed (its whole process
/// group), and the scratch folder is removed.
public final class SSMEmulator: Sendable {
    /// The bound address.
    public let host: String
    /// The bound port.
    public let port: Int
    /// `http://HOST:PORT`: the `--endpoint-url` for an SDK.
    public let baseURL: String
    /// The online managed nodes.
    public let instanceIDs: [String]
    /// The managed nodes that never answer.
    public let offlineInstanceIDs: [String]
    let book: InvocationBook
    let server: LoopbackHTTPServer

    init(server: LoopbackHTTPServer, options: EmulatorOptions, book: InvocationBook) {
        self.host = server.host
        self.port = server.port
        self.baseURL = server.baseURL
        self.instanceIDs = options.instanceIDs
        self.offlineInstanceIDs = options.offlineInstanceIDs
        self.book = book
        self.server = server
    }

    /// Requests answered so far.
    public var requestCount: Int { server.requestCount }

    /// Commands and invocations created so far.
    public var commandCount: Int { book.counts.commands }
    /// Invocations created so far (one per command and instance).
    public var invocationCount: Int { book.counts.invocations }

    /// Starts the emulator, runs `body` with it, then stops it (also when `body` throws).
    ///
    /// - Throws: ``EmulatorError`` for options that cannot work (a non-loopback host without
    ///   ``EmulatorOptions/verifiedCredentials``, a malformed instance id), a scratch folder that cannot be
    ///   created, or an address that cannot be bound; what `body` throws.
    public static func withEmulator<R: Sendable>(
        options: EmulatorOptions,
        _ body: @Sendable (SSMEmulator) async throws -> R
    ) async throws -> R {
        if let problem = options.problem() { throw problem }
        let scratch = try ScratchFolders(
            instanceIDs: options.instanceIDs + options.offlineInstanceIDs,
            region: options.region
        )
        defer { scratch.remove() }
        let book = InvocationBook()
        let tasks = TaskList()
        let service = EmulatorService(
            book: book,
            lifecycle: InvocationLifecycle(
                book: book,
                clock: options.clock,
                timing: options.timing,
                scratch: scratch,
                environment: scriptEnvironment(),
                log: options.log
            ),
            tasks: tasks,
            onlineInstances: options.instanceIDs,
            offlineInstances: options.offlineInstanceIDs,
            faults: options.faults,
            region: options.region,
            verifier: options.verifiedCredentials.map { SigV4Verifier(credentials: $0, clock: options.clock.now) },
            timing: options.timing,
            clock: options.clock,
            log: options.log
        )
        let started = StartFlag()
        let handler: LoopbackHTTPServer.Handler = { await service.answer($0) }
        do {
            let result = try await LoopbackHTTPServer.withServer(
                host: options.host,
                port: options.port,
                keepsRequests: false,
                handler: handler
            ) { server in
                started.set()
                return try await body(SSMEmulator(server: server, options: options, book: book))
            }
            await stop(book: book, tasks: tasks)
            return result
        } catch let error as LoopbackServerError where !started.isSet {
            await stop(book: book, tasks: tasks)
            throw EmulatorError(
                "cannot listen on \(options.host):\(options.port): \(error.message)",
                kind: .cannotListen
            )
        } catch {
            await stop(book: book, tasks: tasks)
            throw error
        }
    }

    /// Cancels the lifecycle tasks (none starts a script after this), kills every running script's process
    /// group, and waits for the tasks, which end as their scripts die.
    static func stop(book: InvocationBook, tasks: TaskList) async {
        tasks.cancelAll()
        for process in book.runningProcesses() { process.killGroup() }
        await tasks.waitForAll()
    }

    /// The environment scripts run with: the emulator's own, without AWS credentials (a script must not be able
    /// to print the keys the emulator checks signatures with).
    static func scriptEnvironment() -> [String: String] {
        let secret: Set<String> = [
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        ]
        return ProcessInfo.processInfo.environment.filter { !secret.contains($0.key) }
    }
}

/// Set once the server listens; lock-guarded, hence `@unchecked Sendable`.
final class StartFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
