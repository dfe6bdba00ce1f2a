import Foundation
import GRDB
import GRDBSQLite

/// One sorted run of a band's bucket entries, as the `bucketRun` catalog lists it.
struct BucketRun: Hashable {
    var band: Int
    /// Numbers grow with each run written to the band; a merge gets a new number.
    var run: Int64
    var entries: Int
}

/// The bucket runs of a store, the log-structured LSH bucket index: each band is a few sorted runs
/// of `(key, version)` entries, cut into ``BucketBlock`` blobs in `bucketBlock`. A commit writes
/// the transaction's entries as one new run per band, and ``compact(band:)`` keeps the number of
/// runs per band logarithmic in its size (a tiered merge, as in O'Neil et al. 1996, "The
/// log-structured merge-tree"). Writing a run costs one B-tree insert per 250 entries instead of
/// one random insert per entry.
struct BucketRuns {
    let db: Database

    /// At most this many versions of one key are kept in a run, the oldest: lookups take only
    /// the oldest 64 of a bucket anyway (``BatchWriter/bucketCap``).
    static var cap: Int { BatchWriter.bucketCap }

    /// The runs of every band, oldest first.
    func catalog() throws -> [BucketRun] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT band, run, entries FROM bucketRun ORDER BY band, run")).map {
            BucketRun(band: $0[0], run: $0[1], entries: $0[2])
        }
    }

    func runs(of band: Int) throws -> [BucketRun] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT band, run, entries FROM bucketRun WHERE band = ? ORDER BY run"),
                         arguments: [band]).map { BucketRun(band: $0[0], run: $0[1], entries: $0[2]) }
    }

    /// Writes `entries` (sorted by key and version, at most ``cap`` per key) as a new run of `band`.
    @discardableResult
    func write(_ entries: [BucketEntry], band: Int) throws -> BucketRun {
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(run) FROM bucketRun WHERE band = ?"), arguments: [band])
        let run = BucketRun(band: band, run: (last ?? 0) + 1, entries: entries.count)
        let insert = try db.cachedStatement(sql: "INSERT INTO bucketBlock (band, run, firstKey, entries) VALUES (?, ?, ?, ?)")
        var start = 0
        for end in BucketBlock.cuts(of: entries) {
            try insert.execute(arguments: [band, run.run, entries[start].key, BucketBlock.encode(entries[start..<end])])
            start = end
        }
        try db.cachedStatement(sql: "INSERT INTO bucketRun (band, run, entries) VALUES (?, ?, ?)")
            .execute(arguments: [band, run.run, run.entries])
        return run
    }

    /// All entries of a run, sorted.
    func read(_ run: BucketRun) throws -> [BucketEntry] {
        var entries: [BucketEntry] = []
        entries.reserveCapacity(run.entries)
        let statement = try db.cachedStatement(sql: "SELECT entries FROM bucketBlock WHERE band = ? AND run = ? ORDER BY firstKey")
        try forEachBlob(statement, [Int64(run.band), run.run]) { try BucketBlock.decode($0, into: &entries) }
        return entries
    }

    func delete(_ run: BucketRun) throws {
        try db.cachedStatement(sql: "DELETE FROM bucketBlock WHERE band = ? AND run = ?").execute(arguments: [run.band, run.run])
        try db.cachedStatement(sql: "DELETE FROM bucketRun WHERE band = ? AND run = ?").execute(arguments: [run.band, run.run])
    }

    /// Merges the band's newest runs while the newest (merged so far) holds at least as many
    /// entries as the one before it: equal runs carry like the digits of a binary counter, so a
    /// band has at most log₂(*n*) + 1 runs and each entry is rewritten at most log₂(*n*) times.
    /// Only the merged runs' blocks are rewritten, and the runs the rule takes are merged at once.
    ///
    /// Merging while the newest held half the one before, pair by pair, kept fewer runs (two
    /// instead of four after 15 equal transactions) but wrote 67 transactions' worth of entries
    /// for those 15, where this writes 39: bucket blocks are a large part of a bulk add's writes.
    func compact(band: Int) throws {
        let runs = try runs(of: band)
        var taken = 1, entries = runs.last?.entries ?? 0
        while taken < runs.count, entries >= runs[runs.count - 1 - taken].entries {
            entries += runs[runs.count - 1 - taken].entries
            taken += 1
        }
        guard taken >= 2 else { return }
        var merged: [BucketEntry] = []
        for run in runs.suffix(taken) {
            merged = merged.merged(with: try read(run), cap: Self.cap)
            try delete(run)
        }
        try write(merged, band: band)
    }

    /// Calls `found` with the versions of `key` in `run`: one seek for the block that would hold
    /// the key, then a binary search in it.
    func versions(of key: Int64, in run: BucketRun, found: (Int64) -> Void) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT entries FROM bucketBlock WHERE band = ? AND run = ? AND firstKey <= ? ORDER BY firstKey DESC LIMIT 1
            """)
        try forEachBlob(statement, [Int64(run.band), run.run, key]) { try BucketBlock.versions(of: key, in: $0, found: found) }
    }

    /// Runs a statement whose parameters are integers and whose one column is a blob, reading
    /// each blob in place with the SQLite C API (no copy into `Data`).
    private func forEachBlob(_ statement: Statement, _ values: [Int64], body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (index, value) in values.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw db.stepError(code, statement) }
            // The blob first, then its length: SQLite documents that order.
            let start = sqlite3_column_blob(handle, 0)
            try body(UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, 0))))
        }
    }
}
