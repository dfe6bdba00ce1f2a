public import StemmaCore
import GRDB

/// A stored version read again (by a better extractor, say), to store in place of the old one.
public struct RereadVersion: Sendable {
    /// The version as read now; its id is the document's.
    public var document: Document
    /// The number of the stored version it was read from: that version's captures go with it.
    public var replacing: Int

    public init(document: Document, replacing: Int) {
        self.document = document
        self.replacing = replacing
    }
}

extension Store {
    /// Stores `versions`, in order, in place of every stored version of `documentID`, in one
    /// transaction: a killed process leaves the old history or the new one, never a mix.
    ///
    /// The old versions go as ``remove(_:)`` removes them (texts, bucket entries, pairs, the
    /// family recomputed), and the new ones are added as an add adds them: a text equal to the
    /// one before it is no new version, and pairs and families are found again from the new
    /// texts. Every capture stays: each goes with the version its stored version's text became,
    /// so versions merged because they now read alike keep all the responses they came from.
    /// The document's watch state is kept.
    ///
    /// - Returns: the version number each of `versions` became, in order; nil when the store does
    ///   not hold `documentID`.
    /// - Precondition: every version's id is `documentID`, and there is at least one.
    public func reread(_ documentID: String, as versions: [RereadVersion]) throws -> [Int]? {
        precondition(!versions.isEmpty && versions.allSatisfy { $0.document.id == documentID }, "reread needs versions of one document")
        let batch = prepare(versions.map(\.document), keepText: true)
        let parameters = self.parameters, lsh = self.lsh
        var captures: [(number: Int, row: Row)] = []
        var held = false
        let numbers = try writeWithBuckets(removing: { db in
            held = try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) == true
            guard held else { return }
            captures = try Row.fetchAll(db, sql: """
                SELECT v.number, c.id, c.url, c.fetched, c.status, c.headers, c.codec, c.bytes, c.body, c.minor
                FROM capture c JOIN documentVersion v ON v.id = c.version WHERE v.documentId = ? ORDER BY c.id
                """, arguments: [documentID]).map { (try $0.checkedCount("number", in: 1...Int.max), $0) }
            _ = try Self.delete([documentID], in: db, parameters: parameters, lsh: lsh)
        }) { db, buckets -> [Int]? in
            guard held else { return nil }
            let outcomes = try BatchWriter(db: db, parameters: parameters, keepText: true, buckets: buckets).write(batch)
            let numbers = outcomes.map { outcome in
                switch outcome {
                case .added: 1
                case .newVersion(let number), .unchanged(let number): number
                }
            }
            try Self.restore(captures, to: versions.map(\.replacing), numbers: numbers, of: documentID, in: db)
            return numbers
        }
        return numbers
    }

    /// Writes the captures back, each to the version its old version's text became; a capture of
    /// a version not reread goes with the nearest one before it that was.
    static func restore(_ captures: [(number: Int, row: Row)], to replaced: [Int], numbers: [Int], of documentID: String, in db: Database) throws {
        let rows = try Dictionary(Row.fetchAll(db, sql: "SELECT number, id FROM documentVersion WHERE documentId = ?", arguments: [documentID])
            .map { (try $0.checkedCount("number", in: 1...Int.max), try $0.checked("id") as Int64) }, uniquingKeysWith: { first, _ in first })
        let insert = try db.cachedStatement(sql: """
            INSERT INTO capture (id, version, url, fetched, status, headers, codec, bytes, body, minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (number, row) in captures {
            let index = replaced.lastIndex { $0 <= number } ?? replaced.indices.first
            guard let index, let version = rows[numbers[index]] else {
                throw StoreError.corruptValue(column: "documentVersion.number", reason: "a version of \(documentID) was not written")
            }
            // The columns are copied as stored: the body stays compressed.
            let stored = ["id", "url", "fetched", "status", "headers", "codec", "bytes", "body", "minor"].map { row[$0] as DatabaseValue }
            try insert.execute(arguments: StatementArguments([stored[0], version.databaseValue] + stored.dropFirst()))
        }
    }
}
