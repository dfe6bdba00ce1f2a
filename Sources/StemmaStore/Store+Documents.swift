public import StemmaCore
import Foundation
import GRDB

extension Store {
    /// Indexes documents in one transaction: a crash leaves either all of them or none.
    public func add(_ documents: [Document], keepText: Bool = true) throws -> [AddOutcome] {
        try add(prepare(documents, keepText: keepText), keepText: keepText)
    }

    /// Indexes batches sketched by ``prepare(_:)`` as `next` hands them over, until it returns nil,
    /// committing once at least `documentsPerTransaction` documents are written.
    ///
    /// Large transactions make bulk indexing fast: each commit writes one bucket run per band,
    /// merges runs, and merges its entries into the in-memory bucket tables, whose cost grows with
    /// the index rather than with the transaction. A killed process loses the uncommitted documents
    /// only; adding them again is idempotent.
    ///
    /// - Parameter written: called after each commit with the outcomes of the batches it holds.
    public func add(batches next: () throws -> PreparedBatch?, keepText: Bool = true, documentsPerTransaction: Int,
                    written: ([AddOutcome]) -> Void) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        let parameters = self.parameters
        var exhausted = false
        let checkpointer = try bulkCheckpointer()
        defer { finishBulk(checkpointer) }
        while !exhausted {
            let outcomes = try writeWithBuckets { db, buckets -> [AddOutcome] in
                var outcomes: [AddOutcome] = []
                while outcomes.count < documentsPerTransaction {
                    guard let batch = try next() else { exhausted = true; break }
                    outcomes += try BatchWriter(db: db, parameters: parameters, keepText: keepText, buckets: buckets).write(batch)
                }
                return outcomes
            }
            if let checkpointer, checkpointer.committed() {
                writer.writeWithoutTransaction { db in _ = try? db.checkpoint(.passive) }
            }
            if !outcomes.isEmpty { written(outcomes) }
        }
    }

    /// For a store in a file: turns the writer's automatic checkpoints off and starts a
    /// checkpointing thread (see ``WALCheckpointer``).
    private func bulkCheckpointer() throws -> WALCheckpointer? {
        guard writer is DatabasePool else { return nil }
        try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        return try WALCheckpointer(path: path)
    }

    private func finishBulk(_ checkpointer: WALCheckpointer?) {
        guard let checkpointer else { return }
        checkpointer.stop()
        // What the thread had not copied yet, so that the WAL the process leaves is short.
        writer.writeWithoutTransaction { db in _ = try? db.checkpoint(.passive) }
        // Back to the setting of Store.open, for later writes through this store.
        try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walAutocheckpoint)") }
    }

    /// Indexes documents sketched by ``prepare(_:)`` in one transaction. Sketching happens before,
    /// so the write lock is held only for the database work.
    public func add(_ batch: PreparedBatch, keepText: Bool = true) throws -> [AddOutcome] {
        let parameters = self.parameters
        return try writeWithBuckets { db, buckets in
            try BatchWriter(db: db, parameters: parameters, keepText: keepText, buckets: buckets).write(batch)
        }
    }

    /// Runs `body` in a write transaction with a bucket session, whose entries are written as runs
    /// before the commit, and joins the in-memory tables after it.
    ///
    /// `removing`, when given, runs first in the same transaction and removes bucket entries
    /// from the runs: the in-memory tables are dropped before the session starts, so that the
    /// session never finds what it removed.
    func writeWithBuckets<T>(removing: ((Database) throws -> Void)? = nil, _ body: (Database, BucketSession) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        var session: BucketSession?
        do {
            let bands = lsh.bands
            let result = try writer.write { db -> T in
                if let removing {
                    try removing(db)
                    buckets.dropTables()
                }
                let started = try buckets.session(in: db, bands: bands)
                session = started
                let result = try body(db, started)
                try started.flush()
                return result
            }
            if let session { buckets.finish(session, committed: true) }
            return result
        } catch {
            if let session { buckets.finish(session, committed: false) }
            throw error
        }
    }

    /// The number of documents and of versions.
    public func counts() throws -> (documents: Int, versions: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM documentVersion") ?? 0)
        }
    }
}
