import ArgumentParser

/// A command whose work runs on the thread `main` runs on, without starting the concurrency pool's threads.
///
/// ArgumentParser's `AsyncParsableCommand.run()` is a concurrent requirement: calling it hops to the global
/// executor, whose first use starts a worker thread (~1 ms of CPU and a wake-up, a tenth of a `check`). A command
/// that does its work in one go (`check`, `skeleton`) conforms to this protocol instead, whose `run()` runs where
/// it is called from; ``SSMContract/main()`` calls it through this protocol. Work such a command starts in tasks of
/// its own still runs on the pool.
protocol MainThreadCommand: AsyncParsableCommand {
    nonisolated(nonsending) func run() async throws
}
