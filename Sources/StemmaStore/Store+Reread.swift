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
    /// Stores `versions`, in order, in place of every stored version of `documentID`: see
    /// ``reread(_:)``.
    ///
    /// - Returns: the version number each of `versions` became, in order; nil when the store does
    ///   not hold `documentID`.
    public func reread(_ documentID: String, as versions: [RereadVersion]) throws -> [Int]? {
        try reread([(documentID, versions)])[0]
    }

    /// Stores each document's `versions`, in order, in place of all its stored versions, in one
    /// transaction: a killed process leaves the old histories or the new ones, never a mix.
    ///
    /// The old versions go as ``remove(_:)`` removes them (texts, bucket entries, pairs, the
    /// family recomputed), and the new ones are added as an add adds them: a text equal to the
    /// one before it is no new version, and pairs and families are found again from the new
    /// texts. Every capture stays: each goes with the version its stored version's text became,
    /// so versions merged because they now read alike keep all the responses they came from.
    /// The documents' watch state is kept.
    ///
    /// Many documents in one call cost about as much as one: the deletion scans the version table
    /// once (see ``remove(_:)``), and a transaction per document made rewriting 8 documents a
    /// second on a 55,000-version index.
    ///
    /// - Returns: for each document, the version number each of its versions became, in order;
    ///   nil for a document the store does not hold (nothing is written for it).
    /// - Throws: ``StoreError/removedMeanwhile(id:)`` when another process removed one of them
    ///   during the call (nothing is written); the store's errors.
    /// - Precondition: every version's id is its document's, each document has one at least, and
    ///   no document is named twice.
    public func reread(_ documents: [(id: String, versions: [RereadVersion])]) throws -> [[Int]?] {
        precondition(Set(documents.map(\.id)).count == documents.count && documents.allSatisfy { document in
            !document.versions.isEmpty && document.versions.allSatisfy { $0.document.id == document.id }
        }, "reread needs versions of each document, once each")
        let stored = try writer.read { db in try Self.heldIDs(documents.map(\.id), in: db) }
        let held = documents.filter { stored.contains($0.id) }
        guard !held.isEmpty else { return documents.map { _ in nil } }
        let batch = prepare(held.flatMap { $0.versions.map(\.document) }, keepText: true)
        let parameters = self.parameters, lsh = self.lsh, ids = held.map(\.id)
        var captures: [String: [(number: Int, row: Row)]] = [:]
        let numbers = try writeWithBuckets(removing: { db in
            let present = try Self.heldIDs(ids, in: db)
            if let gone = ids.first(where: { !present.contains($0) }) { throw StoreError.removedMeanwhile(id: gone) }
            captures = try Self.captureRows(of: ids, in: db)
            _ = try Self.delete(ids, in: db, parameters: parameters, lsh: lsh)
        }) { db, buckets -> [String: [Int]] in
            let outcomes = try BatchWriter(db: db, parameters: parameters, keepText: true, buckets: buckets).write(batch)
            var next = outcomes.makeIterator()
            var numbers: [String: [Int]] = [:]
            for document in held {
                let assigned = document.versions.map { _ -> Int in
                    switch next.next() {
                    case .added?: 1
                    case .newVersion(let number)?, .unchanged(let number)?: number
                    case nil: 0
                    }
                }
                numbers[document.id] = assigned
                try Self.restore(captures[document.id] ?? [], to: document.versions.map(\.replacing), numbers: assigned,
                                 of: document.id, in: db)
            }
            return numbers
        }
        return documents.map { numbers[$0.id] }
    }

    /// Which of `ids` the store holds.
    static func heldIDs(_ ids: [String], in db: Database) throws -> Set<String> {
        var held = Set<String>()
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            held.formUnion(try String.fetchAll(db, sql: "SELECT id FROM document WHERE id IN (\(placeholders(BatchWriter.chunk)))",
                                               arguments: StatementArguments(chunk)))
        }
        return held
    }

    /// The captures of the documents' versions, as stored, with their version numbers.
    static func captureRows(of ids: [String], in db: Database) throws -> [String: [(number: Int, row: Row)]] {
        var captures: [String: [(number: Int, row: Row)]] = [:]
        for chunk in paddedChunks(ids, size: BatchWriter.chunk) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.documentId, v.number, c.id, c.url, c.fetched, c.status, c.headers, c.codec, c.bytes, c.body, c.minor
                FROM capture c JOIN documentVersion v ON v.id = c.version
                WHERE v.documentId IN (\(placeholders(BatchWriter.chunk))) ORDER BY c.id
                """, arguments: StatementArguments(chunk))
            for row in rows {
                captures[try row.checked("documentId"), default: []].append((try row.checkedCount("number", in: 1...Int.max), row))
            }
        }
        return captures
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
