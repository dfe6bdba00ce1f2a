import Foundation
import GRDB

/// Copies committed WAL frames into the database file on a thread of its own during a bulk add.
///
/// SQLite's automatic checkpoint runs in the committing connection, so the writer thread, the one
/// that bounds `index add`, spent about a seventh of its time copying the last transaction's pages
/// (texts included) from the WAL into the database. Here a second connection does most of that
/// copying on the other core. The writer still checkpoints every ``writerCheckpointEvery``
/// commits, which copies only what is left and lets SQLite restart the WAL from its beginning at
/// the next transaction, so the WAL stays a few transactions long.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: the mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var requested = false
    private var stopped = false
    private var finished = false
    private var commits = 0

    static let writerCheckpointEvery = 4

    /// Starts the checkpointing thread on a connection of its own to `path`.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        Thread.detachNewThread { [self] in
            while let _ = nextRequest() {
                // A checkpoint that finds the WAL busy leaves the frames to the next one or to the
                // writer's own; it loses nothing.
                _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
            }
            try? connection.close()
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
    }

    /// Called by the writer after each commit: asks for a checkpoint, and returns true when the
    /// writer should run one itself (so that the WAL restarts).
    func committed() -> Bool {
        condition.withLock {
            commits += 1
            requested = true
            condition.broadcast()
            return commits % Self.writerCheckpointEvery == 0
        }
    }

    /// Stops the thread and waits for it.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
            while !finished { condition.wait() }
        }
    }

    /// Waits for a request; nil once stopped.
    private func nextRequest() -> Void? {
        condition.withLock {
            while !requested, !stopped { condition.wait() }
            guard !stopped else { return nil }
            requested = false
            return ()
        }
    }
}
