import Foundation
import GRDB

/// What a store's process keeps of the bucket runs between write transactions: for bulk adds, each
/// band's runs merged into one ``BucketTable`` in memory (16 bytes per entry, 26 entries per version
/// at the default parameters: about 416 MB for a million versions), so candidate lookups need no
/// SQLite at all.
///
/// Loading the tables costs about as much as reading every run once, more than point lookups for a
/// small add to a big store; so a process starts with point lookups on the blocks and loads the
/// tables once the documents it has added reach ``loadShare`` of those stored.
final class BucketIndex: @unchecked Sendable {
    // @unchecked: the state is only touched under `lock`, and in practice only by the writer.
    private let lock = NSLock()
    /// The catalog the tables reflect; another process's commit changes it, and the tables are
    /// then dropped and loaded again when worth it.
    private var catalog: [BucketRun] = []
    private var tables: [BucketTable]?
    private var added = 0
    // At a million versions, loading the tables took about 1.5 s of CPU and a point-lookup add
    // about 0.2 ms per document (sketching included): even at some 7,000 documents.
    private var share = 1.0 / 128

    /// Tables are loaded once the process has added this share of the versions stored (tests set
    /// it to infinity to keep point lookups).
    var loadShare: Double {
        get { lock.withLock { share } }
        set { lock.withLock { share = newValue } }
    }

    /// Whether the committed entries are in memory.
    var hasTables: Bool { lock.withLock { tables != nil } }

    /// Starts the bucket work of one write transaction.
    func session(in db: Database, bands: Int) throws -> BucketSession {
        let current = try BucketRuns(db: db).catalog()
        return lock.withLock {
            if current != catalog { (catalog, tables) = (current, nil) }
            // The session owns the tables until it ends, so merging into them copies nothing.
            defer { tables = nil }
            return BucketSession(db: db, bands: bands, catalog: current, tables: tables, addedBefore: added, loadShare: share)
        }
    }

    /// Forgets the tables, after entries were removed from the runs: they are loaded again when
    /// an add needs them.
    func dropTables() {
        lock.withLock { (catalog, tables) = ([], nil) }
    }

    /// Ends a session: after a commit, its entries join the tables; after a rollback, the tables
    /// are kept as they were.
    func finish(_ session: BucketSession, committed: Bool) {
        guard committed, let finalCatalog = session.finalCatalog else {
            // Rolled back: the tables still reflect `catalog`, which the transaction did not change.
            let tables = session.tables
            lock.withLock { self.tables = tables }
            return
        }
        let tables = session.mergedTables()
        lock.withLock {
            (catalog, self.tables) = (finalCatalog, tables)
            added += session.added
        }
    }
}
