import Foundation
import StemmaStore

/// Indexes documents on a writer thread while the caller reads and sketches the next batches: the
/// database work (one core) and the reading and sketching (the other core) overlap. Up to
/// ``depth`` sketched batches wait; `submit` blocks while they do.
final class IndexPipeline: @unchecked Sendable {
    private let store: Store
    private let keepText: Bool
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [PreparedBatch] = []
    private var closed = false
    private var failure: (any Error)?
    private var finished = false
    private var outcomes: [[AddOutcome]] = []
    /// A commit (writing the bucket runs, merging them, the WAL) stalls the writer for a while;
    /// with one waiting batch the reader stalled with it, leaving a core idle. Six batches (about
    /// 40 MB each with texts) took a million-document add from 42.9/42.5 s to 41.9/41.1 s against
    /// three, back to back, for 130 MB more memory.
    static let depth = 6

    /// Starts the writer thread.
    init(store: Store, keepText: Bool, documentsPerTransaction: Int) {
        self.store = store
        self.keepText = keepText
        Thread.detachNewThread { [self] in
            do {
                try store.add(batches: { self.take() }, keepText: keepText, documentsPerTransaction: documentsPerTransaction) { written in
                    self.locked { self.outcomes.append(written) }
                }
            } catch {
                locked { failure = error }
            }
            locked { finished = true }
        }
    }

    /// Sketches `documents` on the calling thread (all cores), then hands them to the writer.
    /// Rethrows the writer's error, if it stopped on one.
    func submit(_ documents: [StoreDocument]) throws {
        guard !documents.isEmpty else { return }
        let batch = store.prepare(documents, keepText: keepText)
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.depth, failure == nil { condition.wait() }
        if let failure { throw failure }
        waiting.append(batch)
        condition.broadcast()
    }

    /// Outcomes committed since the last call.
    func committed() -> [AddOutcome] {
        locked {
            defer { outcomes = [] }
            return outcomes.flatMap { $0 }
        }
    }

    /// Waits until everything submitted is committed; rethrows the writer's error.
    func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        if let failure { throw failure }
    }

    /// The writer's side: the next batch, or nil once closed and drained.
    private func take() -> PreparedBatch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        condition.broadcast()
        return waiting.removeFirst()
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        return body()
    }
}
