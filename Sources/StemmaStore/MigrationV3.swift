import Foundation
import GRDB

/// The data step of the released `v3-bucket-runs` migration, frozen: it writes the layout of that
/// release with its own constants and SQL, so that later changes to ``BucketRuns``,
/// ``BucketBlock`` or the bucket cap cannot change what upgrading an old store does (GRDB
/// `Migrations.md`: a released migration never changes).
enum MigrationV3 {
    /// The most entries of one key kept (the oldest by version), as lookups of that release took.
    static let keyCap = 64
    /// Entries per `bucketBlock` blob; a key's entries never straddle two blobs.
    static let blockEntries = 250

    /// Rewrites the `lshBucket` rows of each band as run 1 of that band.
    ///
    /// A blob is "count UInt32 LE, then count × (key Int64 LE, version Int64 LE)", sorted by key
    /// then version; its row's `firstKey` is its first entry's key.
    static func moveBucketRows(in db: Database) throws {
        var band: Int?
        var entries: [(key: Int64, version: Int64)] = []
        var currentKey: Int64?
        var taken = 0
        func flush() throws {
            if let band, !entries.isEmpty { try writeRun(entries, band: band, in: db) }
            entries.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT band, bucket, version FROM lshBucket ORDER BY band, bucket, version")
        while let row = try rows.next() {
            let (rowBand, key, version): (Int, Int64, Int64) = (try row.checked(0), try row.checked(1), try row.checked(2))
            if rowBand != band {
                try flush()
                (band, currentKey) = (rowBand, nil)
            }
            if key != currentKey { (currentKey, taken) = (key, 0) }
            taken += 1
            if taken <= keyCap { entries.append((key, version)) }
        }
        try flush()
    }

    private static func writeRun(_ entries: [(key: Int64, version: Int64)], band: Int, in db: Database) throws {
        var start = 0
        while start < entries.count {
            var end = min(start + blockEntries, entries.count)
            // Back up to the first entry of the key that straddles the cut (a key has at most
            // keyCap < blockEntries entries, so the block is never empty).
            while end < entries.count, end > start + 1, entries[end - 1].key == entries[end].key { end -= 1 }
            try db.execute(sql: "INSERT INTO bucketBlock (band, run, firstKey, entries) VALUES (?, 1, ?, ?)",
                           arguments: [band, entries[start].key, blob(entries[start..<end])])
            start = end
        }
        try db.execute(sql: "INSERT INTO bucketRun (band, run, entries) VALUES (?, 1, ?)", arguments: [band, entries.count])
    }

    private static func blob(_ entries: ArraySlice<(key: Int64, version: Int64)>) -> Data {
        var data = Data(capacity: 4 + 16 * entries.count)
        withUnsafeBytes(of: UInt32(entries.count).littleEndian) { data.append(contentsOf: $0) }
        for entry in entries {
            withUnsafeBytes(of: entry.key.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.version.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }
}
