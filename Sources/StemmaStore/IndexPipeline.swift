import Foundation
public import StemmaCore

/// Adds documents to a store in batches, sketching them on the calling thread (all cores) while a
/// writer thread commits the previous ones: the database work (one core) and the sketching (the
/// others) overlap. `stemma index add`, `POST /api/documents` and `stemma watch` all add through it.
///
/// ```swift
/// let pipeline = IndexPipeline(store: store)
/// for document in documents { try pipeline.add(document) }
/// let tally = try pipeline.finish()   // 3 added, 1 new version, 0 unchanged
/// ```
///
/// A batch is sketched once ``batchSize`` documents wait; up to ``depth`` sketched batches wait for
/// the writer, and `add` blocks while they do. The writer commits once `documentsPerTransaction`
/// documents are written, so a killed process loses the uncommitted ones only (adding them again
/// is idempotent).
public final class IndexPipeline: @unchecked Sendable {
    private let store: Store
    private let keepText: Bool
    /// Documents sketched at once: the unit of overlap between sketching and writing.
    public let batchSize: Int
    private var pending: [Document] = []
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [PreparedBatch] = []
    private var closed = false
    private var failure: (any Error)?
    private var finished = false
    private var outcomes: [AddOutcome] = []
    private var tally = AddTally()
    /// A commit (writing the bucket runs, merging them, the WAL) stalls the writer for a while;
    /// with one waiting batch the reader stalled with it, leaving a core idle. Six batches (about
    /// 40 MB each with texts) took a million-document add from 42.9/42.5 s to 41.9/41.1 s against
    /// three, back to back, for 130 MB more memory.
    static let depth = 6

    /// Starts the writer thread.
    ///
    /// - Parameters:
    ///   - keepText: keep the texts (compressed), for diffs and histories; matching needs none.
    ///   - documentsPerTransaction: the commit cadence. A commit writes the transaction's bucket
    ///     entries as new runs and merges them into the in-memory tables, at a cost that grows with
    ///     the index: a large transaction shares it among many documents.
    public init(store: Store, keepText: Bool = true, documentsPerTransaction: Int = 65_536) {
        precondition(documentsPerTransaction > 0, "documentsPerTransaction must be positive")
        self.store = store
        self.keepText = keepText
        batchSize = min(4_096, documentsPerTransaction)
        Thread.detachNewThread { [self] in
            do {
                try store.add(batches: { self.take() }, keepText: keepText, documentsPerTransaction: documentsPerTransaction) { written in
                    self.locked {
                        self.outcomes += written
                        for outcome in written { self.tally.count(outcome) }
                    }
                }
            } catch {
                locked { failure = error }
            }
            locked { finished = true }
        }
    }

    /// Queues a document, sketching the batch it completes. Rethrows the writer's error, if it
    /// stopped on one.
    public func add(_ document: Document) throws {
        pending.append(document)
        if pending.count >= batchSize { try submitPending() }
    }

    /// What has been committed so far.
    public var committed: AddTally {
        condition.lock()
        defer { condition.unlock() }
        return tally
    }

    /// The outcomes committed since the last call, in the order the documents were added.
    public func takeOutcomes() -> [AddOutcome] {
        locked {
            defer { outcomes = [] }
            return outcomes
        }
    }

    /// Writes what is queued, waits until everything is committed, and returns the tally;
    /// rethrows the writer's error. Nothing can be added afterwards.
    @discardableResult
    public func finish() throws -> AddTally {
        try submitPending()
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        if let failure { throw failure }
        return tally
    }

    private func submitPending() throws {
        guard !pending.isEmpty else { return }
        let batch = store.prepare(pending, keepText: keepText)
        pending.removeAll(keepingCapacity: true)
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.depth, failure == nil { condition.wait() }
        if let failure { throw failure }
        precondition(!closed, "IndexPipeline.add after finish")
        waiting.append(batch)
        condition.broadcast()
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

/// How many documents an add recorded, by outcome.
public struct AddTally: Sendable, Hashable, CustomStringConvertible {
    public var added = 0
    public var newVersions = 0
    public var unchanged = 0

    public init() {}

    public var documents: Int { added + newVersions + unchanged }

    public mutating func count(_ outcome: AddOutcome) {
        switch outcome {
        case .added: added += 1
        case .newVersion: newVersions += 1
        case .unchanged: unchanged += 1
        }
    }

    /// "2 added, 1 new version, 0 unchanged".
    public var description: String {
        "\(added) added, \(newVersions) new version\(newVersions == 1 ? "" : "s"), \(unchanged) unchanged"
    }
}
