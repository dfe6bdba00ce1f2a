import Foundation
import GRDB

extension BucketRuns {
    /// Removes `entries` from every run of `band`, and returns how many were found.
    ///
    /// A key's entries lie in one block per run (see ``BucketBlock``), so each key costs one seek
    /// per run, and only the blocks that held an entry are rewritten: a takedown rewrites a few
    /// dozen 4 KB blocks per version instead of the band. A block left empty is deleted, and so
    /// is a run left empty; a block whose first key went keeps its place under its new first key.
    ///
    /// The run's catalog count is lowered, so ``BucketIndex`` sees a new catalog and drops tables
    /// loaded before. Entries a run had dropped past ``cap`` are not there to remove; and a key
    /// that had more than ``cap`` versions keeps one fewer until a merge, since the dropped ones
    /// are gone for good.
    @discardableResult
    func remove(_ entries: Set<BucketEntry>, band: Int) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let keys = Set(entries.map(\.key)).sorted()
        var removed = 0
        for run in try runs(of: band) {
            var blocks: [Int64: [BucketEntry]] = [:]
            for key in keys {
                guard let found = try block(holding: key, in: run), blocks[found.firstKey] == nil else { continue }
                blocks[found.firstKey] = found.entries
            }
            var removedFromRun = 0
            for (firstKey, blockEntries) in blocks {
                let kept = blockEntries.filter { !entries.contains($0) }
                guard kept.count < blockEntries.count else { continue }
                removedFromRun += blockEntries.count - kept.count
                try db.cachedStatement(sql: "DELETE FROM bucketBlock WHERE band = ? AND run = ? AND firstKey = ?")
                    .execute(arguments: [band, run.run, firstKey])
                if let first = kept.first {
                    try db.cachedStatement(sql: "INSERT INTO bucketBlock (band, run, firstKey, entries) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [band, run.run, first.key, BucketBlock.encode(kept[...])])
                }
            }
            guard removedFromRun > 0 else { continue }
            removed += removedFromRun
            if run.entries - removedFromRun <= 0 {
                try delete(run)
            } else {
                try db.cachedStatement(sql: "UPDATE bucketRun SET entries = ? WHERE band = ? AND run = ?")
                    .execute(arguments: [run.entries - removedFromRun, band, run.run])
            }
        }
        return removed
    }

    /// The block of `run` that would hold `key` (the one with the greatest first key not above
    /// it), by its first key, with its entries; nil when every block starts after the key.
    func block(holding key: Int64, in run: BucketRun) throws -> (firstKey: Int64, entries: [BucketEntry])? {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT firstKey, entries FROM bucketBlock WHERE band = ? AND run = ? AND firstKey <= ? ORDER BY firstKey DESC LIMIT 1
            """), arguments: [run.band, run.run, key])
        guard let row else { return nil }
        let data: Data = try row.checked(1)
        var entries: [BucketEntry] = []
        try data.withUnsafeBytes { try BucketBlock.decode($0, into: &entries) }
        return (try row.checked(0), entries)
    }
}
