import Foundation
import GRDB
import StemmaCore

/// What an index holds and what it costs on disk: `stemma index stats`.
public struct StoreStats: Sendable, Equatable {
    public var documents: Int
    public var versions: Int
    /// Every family, a document alone included.
    public var families: Int
    /// Families of more than one document: what `stemma families` lists.
    public var familiesWithMembers: Int
    /// Members of the largest family (0 for an empty index).
    public var largestFamily: Int
    public var pairs: Int
    /// Versions whose text is kept.
    public var versionsWithText: Int
    /// UTF-8 bytes of all versions' texts, kept or not.
    public var textBytes: Int
    public var textBlocks: Int
    /// Bucket entries over all bands and runs (a key keeps at most 64 versions per run).
    public var bucketEntries: Int
    public var bucketRuns: Int
    /// Bytes on disk of each table with its indexes, from SQLite's `dbstat`; nil when this
    /// SQLite was built without it.
    public var tableBytes: [String: Int]?
    /// The file's pages times the page size.
    public var fileBytes: Int
    public var parameters: StoreParameters
    public var bands: Int
    public var rows: Int
    /// The content hash algorithm's name (`fnv1a`, …).
    public var contentHash: String
}

extension Store {
    /// Counts and sizes of the index, in one read transaction, so the figures agree with each
    /// other. A scan of the document table and of the bucket catalog; `dbstat` reads every page
    /// of the file, a few seconds for gigabytes.
    public func stats() throws -> StoreStats {
        let parameters = self.parameters, lsh = self.lsh, contentHash = self.contentHash
        return try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let familySizes = try Int.fetchAll(db, sql: "SELECT count(*) FROM document GROUP BY family")
            return StoreStats(
                documents: try count("SELECT count(*) FROM document"),
                versions: try count("SELECT count(*) FROM documentVersion"),
                families: familySizes.count,
                familiesWithMembers: familySizes.filter { $0 > 1 }.count,
                largestFamily: familySizes.max() ?? 0,
                pairs: try count("SELECT count(*) FROM pair"),
                versionsWithText: try count("SELECT count(*) FROM documentVersion WHERE text IS NOT NULL OR textBlock IS NOT NULL"),
                textBytes: try count("SELECT coalesce(sum(bytes), 0) FROM documentVersion"),
                textBlocks: try count("SELECT count(*) FROM textBlock"),
                bucketEntries: try count("SELECT coalesce(sum(entries), 0) FROM bucketRun"),
                bucketRuns: try count("SELECT count(*) FROM bucketRun"),
                tableBytes: try Self.tableBytes(in: db),
                fileBytes: try count("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"),
                parameters: parameters, bands: lsh.bands, rows: lsh.rows, contentHash: contentHash.rawValue)
        }
    }

    /// Bytes per table, its indexes counted with it (`sqlite_schema` under its own name); nil
    /// without the `dbstat` virtual table (SQLITE_ENABLE_DBSTAT_VTAB).
    static func tableBytes(in db: Database) throws -> [String: Int]? {
        let rows: [Row]
        do {
            rows = try Row.fetchAll(db, sql: """
                SELECT coalesce(m.tbl_name, s.name) AS name, sum(s.pgsize) AS bytes
                FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1 ORDER BY 1
                """)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            return nil  // "no such table: dbstat"
        }
        var bytes: [String: Int] = [:]
        for row in rows { bytes[try row.checked(0)] = try row.checked(1) }
        return bytes
    }
}
